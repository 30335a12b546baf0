'use client'

export function Price() {
  async function load() {
    'use cache'
    return 1
  }
  return <button onClick={() => load()}>price</button>
}
