"Use client"; // want `Did you mean "use client"\?`

import { z } from "zod";

export async function subscribe(email: string) {
  "use sever"; // want `"use sever" is not a directive and is ignored. Did you mean "use server"\?`
  return z.string().email().parse(email);
}

export async function a() {
  "useserver"; // want `Did you mean "use server"`
}

export async function b() {
  /* leading comment */
  "use strict";
  "use cache:remote"; // want `Did you mean "use cache: remote"\?`
}

export async function c() {
  "use action"; // want `Did you mean "use server"`
}

export async function d() {
  "USE SERVER"; // want `Did you mean "use server"`
}

export async function e() {
  "use cahce"; // want `Did you mean "use cache"`
}

export class Posts {
  static async publish() {
    "use srever"; // want `Did you mean "use server"`
  }
}

export const handlers = {
  async save() {
    "use servr"; // want `"use servr" is not a directive`
  },
};

export function Form() {
  return (
    <form
      action={async () => {
        "use_server"; // want `Did you mean "use server"`
      }}
    />
  );
}
