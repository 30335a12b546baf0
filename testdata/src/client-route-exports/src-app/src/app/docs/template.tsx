"use client";

export const metadata = { title: "Docs" }; // want `"metadata" .* "use client" template`
export const generateMetadata = async () => ({ title: "Docs" }); // want `"generateMetadata" .* "use client" template`
export const viewport = { width: "device-width" }; // want `"viewport" .* "use client" template`
export function generateViewport() { // want `"generateViewport" .* "use client" template`
  return { width: "device-width" };
}
export const generateStaticParams = async () => []; // want `"generateStaticParams" .* "use client" template`

export default function Template({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}
