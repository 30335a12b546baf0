'use clinet'

export function Menu() {
  return <ul>menu</ul>
}
