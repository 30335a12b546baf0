// Imported by app/page.tsx and by components/button.tsx: shared, so it
// counts as client code and may use client-only APIs.
import { useRef } from "react";

export function format(n: number) {
  void useRef;
  return String(n);
}
