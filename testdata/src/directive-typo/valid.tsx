// The module prologue: "use strict" and known directives only.
"use strict";
"use client";
"use memo";

import { useState } from "react";
import { sever } from "./sever";
// Misspelt directives outside any prologue belong to directive-position.
"use sever";

const mode = "use sever";
const map = { "use-client": true };

export function Counter() {
  "use no memo";
  const [n] = useState("Use client");
  return <p title="useserver">use sever {n} {mode} {map["use-client"]}</p>;
}

export async function explained() {
  "This function talks to the billing API and must stay on the server";
  "use asm";
  "ngInject";
  return sever();
}

export async function remote() {
  "use cache: remote";
  return 1;
}

export async function personal() {
  "use cache: private";
  return 2;
}

export function notPrologue() {
  const x = 1;
  "use sever";
  return x;
}
