"use strict";
"use client";
"use memo";

import { saveDraft } from "./actions";

// Different prologues never conflict with each other.
export function Editor() {
  "use strict";
  "use no memo";
  return <form action={saveDraft}>use server</form>;
}

export function later() {
  const x = 1;
  "use client";
  "use client";
  return x;
}
