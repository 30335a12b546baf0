import { db } from "@/lib/db";

export function Sidebar() {
  "use client"; // want `^"use client" has no effect inside a function: it marks a whole module as client code\. Move it to the top of the file$`
  return <nav />;
}

export const Panel = () => {
  'use client'; // want `has no effect inside a function`
  return null;
};

export class Cart {
  private userId = "u1";

  constructor() {
    "use server"; // want `"use server" is not allowed in a constructor`
  }

  async add(id: string) {
    "use server"; // want `^"use server" is not allowed in a class instance method: a Server Function is called without its object and must be async\. Use a static method or a plain async function instead$`
    await db.cart.add(this.userId, id);
  }

  async total() {
    "use cache"; // want `"use cache" is not allowed in a class instance method: a cache function`
    return 0;
  }

  get count() {
    "use server"; // want `not allowed in a getter`
    return 0;
  }

  set count(v: number) {
    "use server"; // want `not allowed in a setter`
  }

  static get version() {
    "use cache"; // want `not allowed in a getter`
    return 1;
  }
}

export const store = {
  get items() {
    "use server"; // want `not allowed in a getter`
    return [];
  },
};
