"use strict";
import { useState } from "react";
"use client"; // want `only works as the first statement of a file`

export function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}
