"use client";
"use server"; // want `^"use server" conflicts with "use client" on line 1: a module cannot be both\. Keep only the directive you mean$`

export async function like(id: string) {
  return id;
}
