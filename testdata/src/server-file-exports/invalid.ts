// Server actions for the dashboard.
"use server";

import { db } from "@/lib/db";

export const PAGE_SIZE = 20; // want `^Only async functions can be exported from a "use server" file: "PAGE_SIZE" is a value, not a function\. Move it to another module$`
export const title = "Dashboard"; // want `"title" is a value`
export const defaults = { theme: "dark" }; // want `"defaults" is a value`
export const tags = ["a", "b"]; // want `"tags" is a value`
export const greeting = `hello`; // want `"greeting" is a value`
export let counter = 0; // want `"counter" is a value`

export function formatDate(d: Date) { // want `^Only async functions can be exported from a "use server" file: "formatDate" is a function that is not async\. Make it async, or move it to another module$`
  return d.toISOString();
}

export const slugify = (s: string) => s.toLowerCase(); // want `"slugify" is a function that is not async`

export const parse = function (s: string) { // want `"parse" is a function that is not async`
  return JSON.parse(s);
};

export function* rows() { // want `"rows" is a function that is not async`
  yield 1;
}

export class Repository { // want `^Only async functions can be exported from a "use server" file: "Repository" is a class\. Move it to another module$`
  async list() {
    return db.list();
  }
}

function helper() {
  return 1;
}
const LIMIT = 5;
export { helper, LIMIT }; // want `"helper" is a function that is not async` `"LIMIT" is a value`

export * from "./queries"; // want `^export \* from "\./queries" in a "use server" file cannot be checked and may export values that are not async functions\. Export the async functions by name$`

export async function ok() {
  return LIMIT;
}
