export async function feed() {
  'use cache :private'
  return []
}
