'use client'

const metadata = { title: 'Settings' }

export { metadata }

export default function Page() {
  return <p>settings</p>
}
