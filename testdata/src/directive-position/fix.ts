// Actions for the dashboard.
import { db } from "./db";
"use server"; // want `is ignored here`

export async function rename(id: string, name: string) {
  await db.rename(id, name);
  "use cache"; // want `Move it to the top of the function`
  return id;
}

export async function tidy() {
  "use strict";
  const n = 1;
  "use server"; // want `top of the function`
  return n;
}

export async function guarded(flag: boolean) {
  if (flag) {
    "use server"; // want `inside a block`
  }
}

export async function oneLine() { await db.ping(); "use server"; } // want `top of the function`
