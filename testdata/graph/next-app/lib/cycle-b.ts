import { ping } from "./cycle-a";
import { headers } from "next/headers"; // want "server-only-in-client: \"next/headers\" .*components/button.tsx → lib/cycle-a.ts → lib/cycle-b.ts\\."

export function pong() {
  void headers;
  return ping;
}
