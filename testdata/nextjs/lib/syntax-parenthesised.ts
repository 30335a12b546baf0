('use server')

export async function like(id: string) {
  return id
}
