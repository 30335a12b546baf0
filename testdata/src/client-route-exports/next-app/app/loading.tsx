"use client";
// Not a page, layout, template or default file.
export const metadata = { title: "Loading" };

export default function Loading() {
  return <p>…</p>;
}
