"use client";
// Not a route file: a client component beside the routes.
export const metadata = { title: "Gallery" };
export function generateStaticParams() {
  return [];
}

export function Gallery() {
  return <div />;
}
