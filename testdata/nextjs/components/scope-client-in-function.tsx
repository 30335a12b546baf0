export function Widget() {
  'use client'
  return <p>widget</p>
}
