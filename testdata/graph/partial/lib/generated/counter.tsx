import { useState } from "react"; // want "missing-use-client: reached from the route file app/page.tsx → lib/generated/counter.tsx, but it imports the client-only React API useState"

export function Counter() {
  const [n] = useState(0);
  return <p>{n}</p>;
}
