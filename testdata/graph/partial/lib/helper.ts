import "server-only"; // want "server-only-in-client: client code through the import chain from a \"use client\" module: components/widget.tsx → lib/helper.ts"

export function helper() {
  return 1;
}
