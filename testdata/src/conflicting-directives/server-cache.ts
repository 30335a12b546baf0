// Profile actions.
'use server';
'use strict';
'use cache'; // want `"use cache" conflicts with "use server" on line 2: a module cannot be both`

export async function profile() {
  "use cache";
  "use server"; // want `"use server" conflicts with "use cache" on line 7: a function cannot be both`
}

export async function kinds() {
  "use cache: remote";
  "use cache: private"; // want `"use cache: private" conflicts with "use cache: remote"`
}

export async function plainAndKind() {
  "use cache";
  "use cache: remote"; // want `conflicts with "use cache"`
}

export async function twice() {
  "use server";
  "use server"; // want `^"use server" is repeated in this function prologue: remove the duplicate$`
}

export async function thrice() {
  "use cache: remote"; "use cache: remote"; // want `is repeated`
}
