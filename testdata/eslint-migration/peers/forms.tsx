import { db } from './db';

// eslint-disable-next-line react/async-server-action
export function submit() {
  'use server';
  db.write();
}

// eslint-disable-next-line
export function reset() {
  'use server';
}

// biome-ignore lint/correctness/useReactAsyncServerFunction: legacy
export function archive() {
  'use server';
}
