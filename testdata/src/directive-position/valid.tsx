// Copyright 2025 Acme Inc.
/* A block comment may stand before the prologue. */
'use strict';
"use server";

import { revalidatePath } from "next/cache";
import type { ReactNode } from "react";
import { db } from "@/lib/db";

// Directive-looking strings that are not statements of their own.
const label = "use server";
const tpl = `use client`;
const re = /'use server'/g;
const keys = { "use server": 1, 'use client': 2, ["use cache"]: 3 };
console.log("use server");
const isServer = (mode: string) => mode === "use server";
const pick = (s: string) => (s ? "use client" : "use server");
const viaComma = (0, "use server");

// Ordinary strings after code are not directive-like.
"use strict";
"hello world";
("use strict");

export async function createPost(formData: FormData) {
  // A comment before the directive is fine.
  "use strict";
  "use cache";
  await db.post.create({ data: { title: String(formData.get("title")) } });
  revalidatePath("/posts");
}

export async function answer() {
  return "use server";
}

export const asValue = async () => "use client";

export async function withSwitch(kind: string) {
  switch (kind) {
    case "use server":
      return 1;
    default:
      return 0;
  }
}

// React Compiler directives are not checked, wherever they stand.
export async function Memoized({ children }: { children: ReactNode }) {
  const a = 1;
  "use memo";
  if (a) {
    "use no memo";
  }
  return <div>{children}</div>;
}
