"use server";

import { exec } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";

const Post = z.object({ title: z.string().min(1), body: z.string() });
const Id = z.string().uuid();

export async function createPost(formData: FormData) {
  const post = Post.parse({
    title: formData.get("title"),
    body: formData.get("body"),
  });
  await db.post.create({ data: post });
}

export async function createDraft(_prev: unknown, formData: FormData) {
  const parsed = Post.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors };
  await db.post.create({ data: parsed.data });
}

export async function createFromEntries(formData: FormData) {
  const raw = Object.fromEntries(formData.entries());
  const post = await Post.parseAsync(raw);
  await db.post.create({ data: post });
}

export async function deletePost(id: string) {
  const safeId = Id.parse(id);
  await db.post.delete({ where: { id: safeId } });
}

export async function publish(id: string, at: Date) {
  const result = await z.date().safeParseAsync(at);
  if (!result.success) return;
  // at is checked, id is not.
  await db.post.update({ where: { id }, data: { publishedAt: result.data } }); // want `^Server Function "publish" uses its parameter "id" before validating it: Server Function arguments come straight from the client\. Check it with a schema first \(such as schema\.parse\(id\)\) or a typeof test$`
}

// Must be reported: input flowing straight into a database call, a file
// path, a shell command, a URL and redirect().

export async function renamePost(id: string, title: string) {
  await db.post.update({ where: { id }, data: { title } }); // want `parameter "id"` `parameter "title"`
}

export async function readAttachment(name: string) {
  return readFile(path.join("/srv/uploads", name), "utf8"); // want `parameter "name"`
}

export async function convert(file: string) {
  exec(`convert ${file} out.png`); // want `parameter "file"`
}

export async function ping(host: string) {
  const res = await fetch(new URL(`https://${host}/health`)); // want `parameter "host"`
  return res.ok;
}

export async function goBack(formData: FormData) {
  const to = formData.get("next") as string;
  redirect(to); // want `uses "to", read from its parameter "formData", before validating it.*schema\.parse\(to\)`
}

export const search = async (query: string) => db.$queryRawUnsafe(`SELECT * FROM post WHERE title LIKE '%${query}%'`); // want `Server Function "search" uses its parameter "query"`

export const listPosts = async (page = 1, tag = "all") => {
  return db.post.findMany({ skip: page * 20, where: { tag } }); // want `Server Function "listPosts" uses its parameter "page"` `Server Function "listPosts" uses its parameter "tag"`
};
