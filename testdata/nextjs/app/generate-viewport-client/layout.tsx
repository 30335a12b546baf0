'use client'

export function generateViewport() {
  return { themeColor: 'white' }
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return <main>{children}</main>
}
