import { useState } from "react"; // want "missing-use-client: reached from the route file app/page.tsx → app/counter.tsx, but it imports the client-only React API useState; it also imports the client-only React API useRef and sets the event handler onClick on <button>\\. Add"
import { useRef } from "react";

export function Counter() {
  const [n, setN] = useState(0);
  const last = useRef(n);
  return <button onClick={() => setN(n + 1)}>{n}{last.current}</button>;
}
