"use client";

import { useEffect, useState } from "react";

export function Profile() {
  const [name, setName] = useState("");
  useEffect(() => {
    (async () => {
      const res = await fetch("/api/me");
      setName((await res.json()).name);
    })();
  }, []);
  return <p onClick={async () => await fetch("/api/ping")}>{name}</p>;
}

// Lower-case exported async functions are helpers, not components.
export async function fetchProfile() {
  return fetch("/api/me");
}
export const loadMore = async (cursor: string) => cursor;

// Not exported.
async function Hidden() {
  return null;
}

export default function Page() {
  return <Profile />;
}
