"use server";

import { z } from "zod";
import { actionClient, authActionClient } from "@/lib/safe-action";
import { validatedAction, validatedActionWithUser, withTeam } from "@/lib/auth/middleware";
import { db } from "@/lib/db";

const schema = z.object({ id: z.string() });

// The wrapper validates: the inline functions are not exported Server
// Functions themselves.
export const deleteItem = actionClient
  .schema(schema)
  .action(async ({ parsedInput: { id } }) => {
    await db.item.delete({ where: { id } });
  });

export const archiveItem = authActionClient
  .inputSchema(schema)
  .action(async ({ parsedInput, ctx }) => {
    await db.item.archive(parsedInput.id, ctx.user.id);
  });

export const signIn = validatedAction(schema, async (data, formData) => {
  const redirectTo = formData.get("redirect");
  await db.session.create({ id: data.id, redirectTo });
});

export const updateName = validatedActionWithUser(schema, async (data, _, user) => {
  await db.user.update({ where: { id: user.id }, data: { name: data.id } });
});

export const checkout = withTeam(async (formData, team) => {
  await db.checkout.create({ team, priceId: formData.get("priceId") });
});
