'use client'

import { createContext } from 'react'
import { siteViewport } from '../../../components/viewport'

const meta = { title: 'Blog' }
export { meta as metadata } // want `"metadata" cannot be exported from a "use client" layout`

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) { // want `"generateMetadata" .* "use client" layout`
  const { slug } = await params
  return { title: slug }
}

export { siteViewport as viewport } // want `"viewport" .* "use client" layout`

export const generateViewport = () => ({ width: 'device-width' }) // want `"generateViewport" .* "use client" layout`

export const generateStaticParams = async () => [{ slug: 'hello' }] // want `"generateStaticParams" .* "use client" layout`

export const BlogContext = createContext(null)

export default function Layout({ children }: { children: React.ReactNode }) {
  return <BlogContext.Provider value={null}>{children}</BlogContext.Provider>
}
