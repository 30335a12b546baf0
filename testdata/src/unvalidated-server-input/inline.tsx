import { z } from "zod";
import { db } from "@/lib/db";

const Note = z.object({ text: z.string().max(280) });

export default async function Page({ params }: { params: { id: string } }) {
  async function addNote(formData: FormData) {
    "use server";
    const { text } = Note.parse({ text: formData.get("text") });
    await db.note.create({ data: { text, pageId: params.id } });
  }

  async function removeNote(noteId: string) {
    "use server";
    await db.note.delete({ where: { id: noteId } }); // want `Server Function "removeNote" uses its parameter "noteId"`
  }

  // useActionState: the first parameter is the previous state, from the server.
  async function vote(prevState: number, formData: FormData) {
    "use server";
    const choice = formData.get("choice");
    if (typeof choice !== "string") return prevState;
    return db.vote.add(choice, prevState);
  }

  async function rate(state: { stars: number }, stars: number) {
    "use server";
    await db.rating.set(state.stars, stars); // want `parameter "stars"`
  }

  // Destructured parameters are checked part by part; _ names are skipped.
  async function move({ from, to, _trace }: { from: string; to: string; _trace?: string }) {
    "use server";
    if (typeof from !== "string") return;
    await db.note.move(from, to); // want `parameter "to"`
  }

  // A nested function's own parameter is not the Server Function's.
  async function bulk(ids: unknown) {
    "use server";
    const list = z.array(z.string()).parse(ids);
    await Promise.all(list.map((ids) => db.note.delete(ids)));
  }

  // A cache function is called by server code only: not checked.
  async function cached(id: string) {
    "use cache";
    return db.note.find(id);
  }

  return (
    <form action={addNote}>
      <button formAction={async (formData: FormData) => {
        "use server";
        await db.note.pin(formData.get("id")); // want `This Server Function uses its parameter "formData"`
      }}>Pin</button>
      {String([removeNote, vote, rate, move, bulk, cached])}
    </form>
  );
}
