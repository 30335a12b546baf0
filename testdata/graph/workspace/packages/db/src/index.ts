import "server-only"; // want "server-only-in-client: packages/ui/src/panel.tsx → packages/db/src/index.ts\\."

export async function query() {
  return [];
}
