import { db } from './db';

export async function countTodos() {
  // directive-syntax: a template literal is not a directive; bundlers
  // ignore it and nothing is cached.
  `use cache`;
  const all = await db.todo.list();
  return all.length;
}
