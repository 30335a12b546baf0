export const metadata = { title: 'Home' }

export function generateStaticParams() {
  return []
}

export default function Page() {
  return <p>home</p>
}
