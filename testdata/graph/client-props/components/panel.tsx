"use client";

export function Panel(props: Record<string, unknown>) {
  return <section>{Object.keys(props).join(", ")}</section>;
}

export function Badge() {
  return <span>new</span>;
}
