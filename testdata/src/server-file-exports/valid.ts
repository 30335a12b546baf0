"use server";

import { z } from "zod";
import { actionClient, authActionClient } from "@/lib/safe-action";
import { withAuth } from "@/lib/auth";
import type { User } from "@/lib/types";

// Type-only exports vanish at compile time.
export type State = { message: string | null };
export interface Props {
  id: string;
}
export type { User };
export { type Session } from "@/lib/auth";
export declare const build: string;

export async function createUser(prev: State, formData: FormData): Promise<State> {
  const email = z.string().email().parse(formData.get("email"));
  return { message: email };
}

export const deleteUser = async (id: string) => {
  return id;
};

export const archive = async function (id: string) {
  return id;
};

export async function* progress() {
  yield 1;
}

// Values the linter cannot judge: calls, wrappers, chains.
export const updateUser = actionClient
  .schema(z.object({ id: z.string() }))
  .action(async ({ parsedInput: { id } }) => {
    return { id };
  });
export const adminOnly = authActionClient.action(async () => {});
export const guarded = withAuth(createUser);

async function local(id: string) {
  return id;
}
export { local, local as aliased };

// A re-export by name points at another module's value: not checked here.
export { sendEmail } from "./email";

export default async function submit(formData: FormData) {
  return formData;
}

// Destructured exports: the linter cannot judge their values.
import { handlers, pair } from "@/lib/handlers";
export const { GET, POST } = handlers;
export const [first, second] = pair();
