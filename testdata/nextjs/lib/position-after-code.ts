export async function track(event: string) {
  const at = Date.now()
  'use server'
  console.log(event, at)
}
