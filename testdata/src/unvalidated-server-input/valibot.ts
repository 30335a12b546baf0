"use server";

import * as v from "valibot";
import { db } from "@/lib/db";

const Comment = v.object({ postId: v.string(), text: v.pipe(v.string(), v.maxLength(500)) });

export async function addComment(input: unknown) {
  const comment = v.parse(Comment, input);
  await db.comment.create({ data: comment });
}

export async function addComments(inputs: unknown[]) {
  const result = v.safeParse(v.array(Comment), inputs);
  if (!result.success) throw new Error("invalid comments");
  await db.comment.createMany({ data: result.output });
}

export async function isComment(input: unknown) {
  if (!v.is(Comment, input)) return false;
  return db.comment.exists(input);
}

export async function editComment(id: string, text: string) {
  // Only text goes through the schema.
  const clean = v.parse(v.string(), text);
  return db.comment.update({ where: { id }, data: { text: clean } }); // want `parameter "id"`
}
