'use server'

export const limit = 10

export async function list() {
  return limit
}
