"use client";

export const LIMIT = 10;
export function Button() {
  return <button>use server</button>;
}
