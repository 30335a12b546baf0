"use client";

import { use } from "react";

export default async function Page() { // want `^Component "Page" is async, but Client Components cannot be async\. Fetch the data in a Server Component and pass it as props \(or read a promise with use\(\)\), or remove "use client"$`
  const res = await fetch("/api/me");
  return <p>{(await res.json()).name}</p>;
}

export async function Profile() { // want `Component "Profile" is async`
  return <p />;
}

export const Avatar = async ({ src }: { src: string }) => { // want `Component "Avatar" is async`
  return <img src={src} alt="" />;
};

async function Card() { // want `Component "Card" is async`
  return <div />;
}

export { Card };

export const Fine = ({ p }: { p: Promise<string> }) => <p>{use(p)}</p>;

export const Wrapped = (async () => { // want `Component "Wrapped" is async`
  return <p />;
}) satisfies Component;
