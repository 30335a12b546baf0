"use client";
// No package.json here declares next: not a Next.js route file.
export const metadata = { title: "Not Next" };

export default function Page() {
  return <p>react</p>;
}
