import { db } from "@/lib/db";
import { Button } from "@/components/button";

export default async function Page() {
  async function create(formData: FormData) {
    "use server";
    await db.todo.create({ data: { text: String(formData.get("text")) } });
  }

  return (
    <main title="use server" data-mode='use client'>
      <p>use client</p>
      <p>"use server"</p>
      <p>'use cache'; don't worry</p>
      <a href="//example.com/'use server'">link</a>
      {"use server"}
      <code>{`use server`}</code>
      <form
        action={async (formData: FormData) => {
          "use server";
          await db.todo.delete({ where: { id: String(formData.get("id")) } });
        }}
      >
        <Button type="submit">Delete</Button>
      </form>
      <form action={create}>
        <input name="text" placeholder="'use client'" />
      </form>
    </main>
  );
}
