"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/safe-action";

export type FormState = { error?: string };

const schema = z.object({ title: z.string().min(1) });

export const createPost = actionClient.schema(schema).action(async ({ parsedInput }) => {
  revalidatePath("/posts");
  return parsedInput;
});

export async function deletePost(id: string) {
  await fetch(`/api/posts/${id}`, { method: "DELETE" });
  revalidatePath("/posts");
}

// Both rules speak: the file exports a non-async function, and the function
// itself holds "use server" without being async.
export function publish(id: string) { // want "server-file-exports: is a function that is not async" "async-server-function: Server Function \"publish\" is not async"
  "use server";
  return id;
}
