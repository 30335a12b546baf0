"use server";
// A "use server" module is a boundary: client code gets references to its
// functions, not its code, so what it imports stays on the server.
import { cookies } from "next/headers";
import { getRows } from "../lib/db";

export async function save() {
  const jar = await cookies();
  return getRows(jar.get("user")?.value);
}
