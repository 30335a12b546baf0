import "server-only"; // want "server-only-in-client: components/button.tsx → lib/config.ts\\."

export const config = { name: "demo" };
