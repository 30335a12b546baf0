'use client'

export async function generateMetadata() {
  return { title: 'Docs' }
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>
}
