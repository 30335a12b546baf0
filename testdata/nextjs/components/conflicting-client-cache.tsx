'use client'
'use cache'

export function Both() {
  return <p>both</p>
}
