"use client";

export const metadata = { title: "Modal" }; // want `"metadata" cannot be exported from a "use client" default file`
export { generateMetadata, generateViewport } from "../../components/meta"; // want `"generateMetadata" .* default file` `"generateViewport" .* default file`
export const viewport = { colorScheme: "dark" }; // want `"viewport" .* default file`
export const generateStaticParams = function () { // want `"generateStaticParams" .* default file`
  return [];
};

export default function Default() {
  return null;
}
