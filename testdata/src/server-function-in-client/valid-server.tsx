// A Server Component may define inline Server Functions.
import { db } from "@/lib/db";

export default async function Page() {
  async function create(formData: FormData) {
    "use server";
    await db.todo.create({ data: { text: String(formData.get("text")) } });
  }
  return <form action={create}><input name="text" /></form>;
}
