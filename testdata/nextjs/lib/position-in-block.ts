export async function prices(region: string) {
  if (region) {
    'use cache'
  }
  return fetch('https://example.com/prices/' + region).then((r) => r.json())
}
