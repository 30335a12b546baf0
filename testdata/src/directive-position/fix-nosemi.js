import { db } from './db'
'use server' // want `ignored here`

export async function save(data) {
  await db.save(data)
  'use server' // want `top of the function`
}

export async function list() {
  const rows = await db.list()
  'use cache' // want `top of the function`
  return rows
}
