"use client";

export const metadata = { title: "Panel" }; // want `"metadata" .* default file`
export function generateMetadata() { // want `"generateMetadata" .* default file`
  return { title: "Panel" };
}
export const viewport = { width: "device-width" }; // want `"viewport" .* default file`
export function generateViewport() { // want `"generateViewport" .* default file`
  return { width: "device-width" };
}
export function generateStaticParams() { // want `"generateStaticParams" .* default file`
  return [];
}

export default function Default() {
  return null;
}
