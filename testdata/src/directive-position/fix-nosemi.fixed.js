'use server'
import { db } from './db'
// want `ignored here`

export async function save(data) {
  'use server'
  await db.save(data)
  // want `top of the function`
}

export async function list() {
  'use cache'
  const rows = await db.list()
  // want `top of the function`
  return rows
}
