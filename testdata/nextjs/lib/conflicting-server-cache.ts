'use server'
'use cache'

export async function both() {
  return 1
}
