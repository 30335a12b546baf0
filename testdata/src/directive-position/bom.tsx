import Link from "next/link";
"use client"; // want `Move it to the top of the file`

export default function Nav() {
  return <Link href="/">Home</Link>;
}
