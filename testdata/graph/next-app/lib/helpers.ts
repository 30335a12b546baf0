export function track() {}

export async function log(message: string) {
  "use server"; // want "server-function-in-client: Server Function \"log\" is defined inline in a module that is client code through the import chain from a \"use client\" module: components/button.tsx → lib/helpers.ts\\."
  console.log(message);
}
