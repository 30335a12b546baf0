`use server`

export async function unlike(id: string) {
  return id
}
