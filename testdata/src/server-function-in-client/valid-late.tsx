import { useState } from "react";
"use client";

export function Counter() {
  async function save() {
    "use server";
  }
  const [n] = useState(0);
  return <button onClick={save}>{n}</button>;
}
