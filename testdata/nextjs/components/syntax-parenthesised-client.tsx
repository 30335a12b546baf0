('use client')

export function Tabs() {
  return <nav>tabs</nav>
}
