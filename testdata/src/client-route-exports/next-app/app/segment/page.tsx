"use client";
// Route segment config: Next.js reads it from the source text whatever the
// directive.
import type { Metadata } from "next";

export const dynamic = "force-dynamic";
export const revalidate = 60;
export const dynamicParams = false;
export const fetchCache = "default-no-store";
export const runtime = "nodejs";
export const preferredRegion = "auto";
export const maxDuration = 30;
export const experimental_ppr = true;
export type { Metadata };

export default function Page() {
  return <p>segment</p>;
}
