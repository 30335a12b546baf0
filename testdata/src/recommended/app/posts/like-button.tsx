import { useState } from "react";
"use client"; // want "directive-position: ignored here"

export function LikeButton({ id }: { id: string }) {
  const [n, setN] = useState(0);
  function like() { // want "async-server-function: Server Function \"like\" is not async"
    "use server"; // ("use client" above is misplaced, so this is no client module)
    return id;
  }
  return <button onClick={() => { setN(n + 1); like(); }}>{n}</button>;
}
