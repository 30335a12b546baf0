'use server';

import { revalidatePath } from 'next/cache';
import { db } from './lib/db';

export async function createTodo(formData: FormData) {
  const title = String(formData.get('title') ?? '').trim();
  if (!title) return { error: 'A todo needs a title' };
  await db.todo.create({ data: { title } });
  revalidatePath('/');
  return { ok: true };
}

// server-file-exports: every export of a 'use server' file becomes a Server
// Function, so it must be async.
export function formatTitle(title: string) {
  return title.slice(0, 1).toUpperCase() + title.slice(1);
}

export type TodoResult = { ok: true } | { error: string };
