"use server";

import { db } from "@/lib/db";
import type { Action } from "@/lib/types";

// An exported Server Function in parentheses, as or satisfies.
export const remove = (async (id: string) => {
  await db.post.delete({ where: { id } }); // want `^Server Function "remove" uses its parameter "id" before validating it`
}) satisfies Action;
