"use client";

import { useState } from "react";
import { sql } from "@/lib/sql";

// Templates, parentheses and concatenations that are not statements of
// their own, or that do not spell a directive.
const a = `use server`;
const b = ("use server");
const c = "use " + "server";
const name = "server";
`use ${name}`;
"use " + name;
("use strict");
`use strict`;
"use server".trim();
sql`use server`;
(`use server`, 1);

export function Notes() {
  const [text] = useState(`use client`);
  return (
    <div>
      <p>`use server`</p>
      <p>('use server')</p>
      <p>'use ' + 'server'</p>
      {`use server`}
      {("use client")}
      <span title={`use ${"server"}`}>{text}</span>
    </div>
  );
}

export function plain() {
  "use strict";
  return `use client`;
}
