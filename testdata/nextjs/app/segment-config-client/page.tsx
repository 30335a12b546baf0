'use client'

export const maxDuration = 30
export const preferredRegion = 'home'

export default function Page() {
  return <p>live</p>
}
