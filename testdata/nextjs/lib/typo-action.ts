'use action'

export async function vote(id: string) {
  return id
}
