import { db } from './db';

// eslint-disable-next-line no-unused-vars
export function submit() {
  'use server';
  db.write();
}

// eslint-disable-next-line no-empty
export function reset() {
  'use server';
}

// biome-ignore lint/suspicious/noEmptyBlockStatements: legacy
export function archive() {
  'use server';
}
