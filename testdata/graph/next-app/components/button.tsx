"use client";
import type { Row } from "@/lib/db";
import { save } from "@/app/actions";
import { track } from "@/lib/helpers.js";
import { Badge, format } from "../lib/ui";
import { ping } from "../lib/cycle-a";
import { format as fmt } from "@/lib/shared";
import { config } from "#config";

export function Button({ row }: { row?: Row }) {
  return (
    <button onClick={() => { track(); ping(); save(); }}>
      <Badge />
      {format(1)} {fmt(2)} {config.name} {row?.id}
    </button>
  );
}
