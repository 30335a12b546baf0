"use client";

import { useState } from "react";
import { db } from "@/lib/db";

export function LikeButton({ id }: { id: string }) {
  const [likes, setLikes] = useState(0);

  async function like() {
    "use server"; // want `^Server Function "like" is defined inline in a "use client" module, where "use server" cannot work\. Move it to a "use server" file and import it, or pass it as a prop from a Server Component$`
    await db.likes.add(id);
  }

  return (
    <form
      action={async () => {
        "use server"; // want `^This Server Function is defined inline in a "use client" module`
        await like();
      }}
    >
      <button onClick={() => setLikes(likes + 1)}>{likes}</button>
    </form>
  );
}

export async function getCount() {
  "use cache"; // want `cache function "getCount" is defined inline in a "use client" module, where "use cache" cannot work`
  return db.likes.count();
}

export const handlers = {
  async save() {
    // comment first
    "use server"; // want `Server Function "save" is defined inline`
  },
};

export class Api {
  static async refresh() {
    "use strict";
    "use server"; // want `Server Function "refresh"`
  }
}
