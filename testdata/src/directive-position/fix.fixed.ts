"use server";
// Actions for the dashboard.
import { db } from "./db";
// want `is ignored here`

export async function rename(id: string, name: string) {
  "use cache";
  await db.rename(id, name);
  // want `Move it to the top of the function`
  return id;
}

export async function tidy() {
  "use strict";
  "use server";
  const n = 1;
  // want `top of the function`
  return n;
}

export async function guarded(flag: boolean) {
  "use server";
  if (flag) {
    // want `inside a block`
  }
}

export async function oneLine() { "use server"; await db.ping(); } // want `top of the function`
