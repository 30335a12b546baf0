import { useTransition } from "react"; // want "missing-use-client: reached from the route file apps/web/app/page.tsx → packages/ui/src/button.tsx, but it imports the client-only React API useTransition"

export function Button() {
  const [pending] = useTransition();
  return <button disabled={pending}>Go</button>;
}
