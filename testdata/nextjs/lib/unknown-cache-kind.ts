export async function rates() {
  'use cache: redis'
  return 1
}
