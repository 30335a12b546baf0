export async function rename(id: string, name: string) {
  'use srever'
  return { id, name }
}
