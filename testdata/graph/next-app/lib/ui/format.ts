import "server-only"; // want "server-only-in-client: \"server-only\" is server-only, but this module is client code through the import chain from a \"use client\" module: components/button.tsx → lib/ui/index.ts → lib/ui/format.ts\\."

export function format(n: number) {
  return n.toFixed(2);
}
