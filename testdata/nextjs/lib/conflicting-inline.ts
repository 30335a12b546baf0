export async function both() {
  'use server'
  'use cache'
  return 1
}
