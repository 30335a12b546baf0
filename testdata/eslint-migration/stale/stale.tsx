'use client';

// eslint-disable-next-line @next/next/no-async-client-component
export default function Profile() {
  return <p>profile</p>;
}

// biome-ignore lint/nursery/noNextAsyncClientComponent: not async any more
export function Avatar() {
  return <img alt="" />;
}

// eslint-disable-next-line directivelint/async-client-component, no-console
export function Badge() {
  return <b />;
}

// eslint-disable-next-line
export function Card() {
  return <div />;
}

// eslint-disable-next-line no-console
export function Title() {
  return <h1 />;
}
