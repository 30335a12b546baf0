// Constructs on which the scanner and TypeScript agree, kept as regression cases for scripts/tsdiff.
'use client';
import React from 'react';
export default function Page() {
  const onClick = async () => { 'use server'; };
  return <div title="'use server'" onClick={() => { 'use server' }}>'use server' {/* 'use server' */} {(() => { 'use server'; return 1; })()}</div>;
}
export const G = <T extends unknown>(x: T) => { return x; };
export const H = async <T,>(x: T) => { 'use server'; return x; };
const el = <T,>() => <p>{'a'}</p>;
function f(this: any) { return <a href='x'>{this.x}</a>; }
