"use client";

export default function Error() {
  return <p>Something went wrong</p>;
}
