'use client';

// eslint-disable-next-line @next/next/no-async-client-component -- migrated from next lint
export default async function Profile() {
  return <p>profile</p>;
}

// biome-ignore lint/nursery/noNextAsyncClientComponent: migrated from Biome
export async function Avatar() {
  return <img alt="" />;
}

export async function Badge() { return <b />; } // eslint-disable-line directivelint/async-client-component

/* eslint-disable @next/next/no-async-client-component */
export async function Card() {
  return <div />;
}
/* eslint-enable @next/next/no-async-client-component */
