"use server";

import * as yup from "yup";
import { db } from "@/lib/db";

const signupSchema = yup.object({
  email: yup.string().email().required(),
  age: yup.number().integer().min(13),
});

export async function signup(values: { email: string; age: number }) {
  const data = await signupSchema.validate(values);
  await db.user.create({ data });
}

export async function signupSync(values: { email: string; age: number }) {
  signupSchema.validateSync(values, { strict: true });
  await db.user.create({ data: values });
}

export async function checkEmail(email: string) {
  if (!(await yup.string().email().isValid(email))) return false;
  return db.user.exists({ email });
}

export async function updateAge(userId: string, age: number) {
  await db.user.update({ where: { id: userId }, data: { age } }); // want `parameter "userId"` `parameter "age"`
}
