"use client";
// The Pages Router, not the App Router.
export const metadata = { title: "Old" };
export function generateStaticParams() {
  return [];
}

export default function Page() {
  return <p>pages</p>;
}
