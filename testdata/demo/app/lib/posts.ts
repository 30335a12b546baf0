import { db } from './db';

// Correct: a cache function is async and its directive comes first.
export async function recentTitles(limit = 5) {
  'use cache';
  const all = await db.todo.list();
  return all.slice(-limit).map((t) => t.title);
}
