"use client";
import { useEffect } from "react";

export default function Error({ error }: { error: Error }) {
  useEffect(() => console.error(error), [error]);
  return <p>Something went wrong</p>;
}
