'use client'

export const viewport = { themeColor: 'black' }

export default function Page() {
  return <p>themed</p>
}
