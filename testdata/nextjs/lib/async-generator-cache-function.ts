export async function* pages() {
  'use cache'
  yield 1
}
