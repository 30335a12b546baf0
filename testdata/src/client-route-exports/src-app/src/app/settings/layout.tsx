'use client';

export const metadata = { title: 'Settings' }; // want `"metadata" .* "use client" layout`
export function generateMetadata() { // want `"generateMetadata" .* "use client" layout`
  return { title: 'Settings' };
}
export const viewport = { width: 'device-width' }; // want `"viewport" .* "use client" layout`
export async function generateViewport() { // want `"generateViewport" .* "use client" layout`
  return { width: 'device-width' };
}
export async function generateStaticParams() { // want `"generateStaticParams" .* "use client" layout`
  return [];
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>;
}
