/* want "missing-use-client: Next.js error file" */ import { useEffect } from "react";

export default function GlobalError({ error }: { error: Error }) {
  useEffect(() => console.error(error), [error]);
  return <html><body>Something went wrong</body></html>;
}
