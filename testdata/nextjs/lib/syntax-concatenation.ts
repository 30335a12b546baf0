'use ' + 'server'

export async function join(a: string) {
  return a
}
