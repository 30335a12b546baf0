"use client";

import { useState } from "react";

export default async function Counter() { // want "async-client-component: Component \"Counter\" is async"
  const [n] = useState(0);
  async function save() {
    "use server"; // want "server-function-in-client: Server Function \"save\""
  }
  return <button onClick={save}>{n}</button>;
}
