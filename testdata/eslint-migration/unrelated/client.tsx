'use client';

// eslint-disable-next-line no-console -- migrated from next lint
export default async function Profile() {
  return <p>profile</p>;
}

// biome-ignore lint/a11y/useAltText: migrated from Biome
export async function Avatar() {
  return <img alt="" />;
}

export async function Badge() { return <b />; } // eslint-disable-line react-hooks/rules-of-hooks

/* eslint-disable no-console */
export async function Card() {
  return <div />;
}
/* eslint-enable no-console */
