import { db } from './db';
// eslint-disable-next-line react-rsc/function-definition
'use client';

export function Table() {
  return <table>{String(db)}</table>;
}
