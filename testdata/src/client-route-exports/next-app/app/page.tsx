"use client";
// Nothing here is async: the runner must still read the exports.
import { useState } from "react";
import type { Metadata, Viewport } from "next";

export const metadata: Metadata = { title: "Home" }; // want `"metadata" cannot be exported from a "use client" page: only a Server Component can provide metadata\. Move it to a server layout or page, or split the client part into its own component`

export function generateMetadata(): Metadata { // want `"generateMetadata" cannot be exported from a "use client" page: only a Server Component can provide metadata`
  return { title: "Home" };
}

export const viewport: Viewport = { themeColor: "black" }; // want `"viewport" cannot be exported from a "use client" page: only a Server Component can provide the viewport`

export function generateViewport(): Viewport { // want `"generateViewport" .*viewport`
  return { themeColor: "black" };
}

export function generateStaticParams() { // want `"generateStaticParams" cannot be exported from a "use client" page: only a Server Component can provide static params`
  return [];
}

export default function Page() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}
