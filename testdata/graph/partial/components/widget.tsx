"use client";
import { helper } from "../lib/helper";

export function Widget({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h1>{title}</h1>
      {helper()}
      {children}
    </section>
  );
}
