"use client";

import { useState } from "react";

export class Api {
  static async refresh(id: string) {
    "use server";
    return id;
  }

  static async cached() {
    "use cache";
    return Date.now();
  }

  method() {
    "use strict";
    return 1;
  }

  get label() {
    "use strict";
    return "use server";
  }
}

export async function action() {
  "use server";
}

export const arrow = async () => {
  "use cache: remote";
};

export const expr = async function named() {
  "use server";
};

export const obj = {
  async save() {
    "use server";
  },
  label: "use client",
};

export function Counter() {
  "use memo";
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>use client {n}</button>;
}
