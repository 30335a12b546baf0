"use client";
import { useEffect } from "react";

export const metadata = { title: "Cart" }; // want `"metadata" .* "use client" template`
export const generateMetadata = async () => ({ title: "Cart" }); // want `"generateMetadata" .* "use client" template`
export const viewport = { initialScale: 1 }; // want `"viewport" .* "use client" template`
export async function generateViewport() { // want `"generateViewport" .* "use client" template`
  return { initialScale: 1 };
}
export async function generateStaticParams() { // want `"generateStaticParams" .* "use client" template`
  return [];
}

export default function Template({ children }) {
  useEffect(() => {}, []);
  return <div>{children}</div>;
}
