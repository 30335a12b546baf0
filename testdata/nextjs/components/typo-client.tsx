'use-client'

export function Toggle() {
  return <button>toggle</button>
}
