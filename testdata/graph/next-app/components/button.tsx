"use client";
import type { Row } from "@/lib/db";
import { save } from "@/app/actions";
import { track } from "@/lib/helpers.js";
import { Badge, format } from "../lib/ui";
import { ping } from "../lib/cycle-a";
import { format as fmt } from "@/lib/shared";
import { config } from "#config";
// Used only as a type (also as a type argument): TypeScript drops this
// import, so lib/db.ts and its "server-only" stay out of the client bundle.
import { Row as Model } from "@/lib/db";
// Used only as a JSX element: a real import.
import { Icon } from "./icon";

function pick<T>(rows: T[]): T | undefined {
  return rows[0];
}

export function Button({ row }: { row?: Row }) {
  const first = pick<Model>([]);
  return (
    <button onClick={() => { track(); ping(); save(); }}>
      <Badge /><Icon />{first?.id}
      {format(1)} {fmt(2)} {config.name} {row?.id}
    </button>
  );
}
