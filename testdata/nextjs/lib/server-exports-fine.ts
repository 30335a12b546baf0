'use server'

import { auth } from './auth-helpers'

export type Result = { ok: boolean }
export interface Input {
  id: string
}

export async function save(input: Input): Promise<Result> {
  return { ok: !!input.id }
}

export const remove = async (id: string) => ({ ok: !!id })

export default async function submit() {
  return { ok: true }
}

export const guarded = auth(async () => ({ ok: true }))
