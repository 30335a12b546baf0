"use client";

export const metadata = { title: "Docs" }; // want `"metadata" .* "use client" page`
export async function generateMetadata() { // want `"generateMetadata" .* "use client" page`
  return { title: "Docs" };
}
export const viewport = { width: "device-width" }; // want `"viewport" .* "use client" page`
export const generateViewport = () => ({ width: "device-width" }); // want `"generateViewport" .* "use client" page`
export function generateStaticParams() { // want `"generateStaticParams" .* "use client" page`
  return [];
}

export default function Page() {
  return <p>docs</p>;
}
