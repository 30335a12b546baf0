"use client";
import Link from "next/link";
// want `Move it to the top of the file`

export default function Nav() {
  return <Link href="/">Home</Link>;
}
