"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { assertOwner, isValidSlug, sanitizeHtml } from "@/lib/checks";

export async function setQuantity(itemId: string, quantity: number) {
  if (typeof itemId !== "string" || !Number.isFinite(quantity)) {
    throw new Error("bad input");
  }
  await db.cart.update({ where: { id: itemId }, data: { quantity } });
}

export async function tag(ids: string[], label: string) {
  if (!Array.isArray(ids) || typeof label !== "string") return;
  await db.tag.createMany({ data: ids.map((id) => ({ id, label })) });
}

export async function attach(file: File) {
  if (!(file instanceof File)) throw new Error("not a file");
  await db.file.create({ data: { name: file.name, size: file.size } });
}

export async function rename(slug: string) {
  if (!isValidSlug(slug)) return;
  await db.page.update({ where: { slug }, data: { slug } });
}

export async function saveBio(userId: string, html: string) {
  await assertOwner(userId);
  await db.user.update({ where: { id: userId }, data: { bio: sanitizeHtml(html) } });
}

export async function quantity(value: string) {
  const n = parseInt(value, 10);
  if (!Number.isFinite(n)) return;
  await db.cart.update({ data: { quantity: n } });
}

// FormData read through .get(), each result checked with typeof.
export async function contact(formData: FormData) {
  const email = formData.get("email");
  const message = formData.get("message");
  if (typeof email !== "string" || typeof message !== "string") {
    return { error: "Missing fields" };
  }
  await db.message.create({ data: { email, message } });
}

// FormData read into an object literal that a schema-like function checks.
export async function contactLiteral(formData: FormData) {
  const values = {
    email: formData.get("email") as string,
    subscribe: formData.get("subscribe") === "on",
  };
  const errors = validateContact(values);
  if (errors) return { errors };
  await db.message.create({ data: values });
}

function validateContact(values: { email: string }) {
  return values.email.includes("@") ? null : { email: "invalid" };
}

// Comparing or testing a value lets nothing flow: reported at the first real use.
export async function removeLine(lineId: string, count: number) {
  if (!lineId) return "missing";
  const cart = await db.cart.get();
  const line = cart.lines.find((l) => l.id === lineId);
  if (count > 0 && line) {
    await db.cart.remove(line.id);
  }
  return db.cart.log(lineId); // want `parameter "lineId"`
}

// One .get() is checked, the other is not.
export async function profile(formData: FormData) {
  const name = formData.get("name");
  if (typeof name !== "string") return;
  await db.user.update({ data: { name, site: formData.get("site") } }); // want `parameter "formData"`
}

// A copy that is never checked is reported where it is used.
export async function moveItem(payload: { id: string; to: string }) {
  const { id, to } = payload;
  if (to === "trash") return;
  await db.item.move(id, to); // want `uses "id", read from its parameter "payload"`
}

// revalidatePath is a cache API, but its name contains "valid": by the
// specification it counts as validating path, so nothing is reported here.
export async function refresh(path: string) {
  revalidatePath(path);
}

// Nested functions' own parameters are not the Server Function's.
export async function labels(item: string) {
  const all = await db.item.findMany();
  const names = all.map((item) => item.label);
  all.forEach(function (item) {
    names.push(item.label);
  });
  return names;
}
