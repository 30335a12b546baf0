"use client";

import { useActionState } from "react";
import { createTodo } from "./actions";

// Server Functions imported from a "use server" file are fine.
export function TodoForm() {
  const [state, action] = useActionState(createTodo, null);
  return (
    <form action={action} title="use server">
      <p>use server</p>
      <p>{"use server"}</p>
      <p>{state}</p>
      <button onClick={() => console.log("use cache")}>Add</button>
    </form>
  );
}

export function notPrologue() {
  const x = 1;
  "use server";
  return x;
}

export const strings = {
  "use server": () => "use server",
};

export async function load() {
  "use strict";
  return fetch("/api");
}
