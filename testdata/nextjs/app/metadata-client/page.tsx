'use client'

export const metadata = { title: 'Dashboard' }

export default function Page() {
  return <p>dashboard</p>
}
