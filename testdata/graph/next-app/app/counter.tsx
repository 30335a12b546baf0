import { useState } from "react"; // want "missing-use-client: reached from the route file app/page.tsx → app/counter.tsx, but it imports the client-only React API useState"

export function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}
