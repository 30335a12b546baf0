"use client";
"use server"; // want `"use server" conflicts with "use client"`
"use client"; // want `"use client" is repeated in this module prologue`

export function Button() {
  "use client";
  "use cache"; // want `"use cache" conflicts with "use client" on line 6`
  return <button />;
}
