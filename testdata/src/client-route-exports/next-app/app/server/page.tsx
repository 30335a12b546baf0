// A Server Component page may export all of them.
import type { Metadata, Viewport } from "next";

export const metadata: Metadata = { title: "Server" };
export async function generateMetadata(): Promise<Metadata> {
  return { title: "Server" };
}
export const viewport: Viewport = { themeColor: "white" };
export function generateViewport(): Viewport {
  return { themeColor: "white" };
}
export async function generateStaticParams() {
  return [{ id: "1" }];
}

export default function Page() {
  return <p>server</p>;
}
