'use client'

export default async () => { // want `^The default export is async, but Client Components cannot be async`
  return <p>hi</p>
}
