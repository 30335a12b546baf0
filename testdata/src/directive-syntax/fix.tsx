`use client` // want `template literal`
import { useState } from 'react'

export function Counter() {
  const [n, setN] = useState(0)
  return <button onClick={() => setN(n + 1)}>{n}</button>
}

export async function save() {
  ('use server') // want `parenthesised`
  await fetch('/api')
}

export async function cached() {
  'use ' + 'cache'; // want `concatenation`
  return 1
}
