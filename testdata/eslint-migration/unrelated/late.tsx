import { db } from './db';
// eslint-disable-next-line import/no-default-export
'use client';

export function Table() {
  return <table>{String(db)}</table>;
}
