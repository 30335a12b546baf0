'use client'

export function generateStaticParams() {
  return [{ slug: 'a' }]
}

export default function Page() {
  return <p>post</p>
}
