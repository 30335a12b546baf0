`use client`; // want `^"use client" written as a template literal is not a directive and does nothing: write it as a plain string, "use client"$`

import { useState } from "react";

export function Toggle() {
  ("use server"); // want `"use server" written as a parenthesised string is not a directive`
  const [on, setOn] = useState(false);
  return <button onClick={() => setOn(!on)}>{String(on)}</button>;
}

export async function load() {
  "use " + "cache"; // want `"use cache" written as a concatenation`
  return 1;
}

export async function later() {
  await load();
  `use server`; // want `template literal`
}

`use cache: remote`; // want `"use cache: remote" written as a template literal`
