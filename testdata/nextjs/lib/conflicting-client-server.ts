'use client'
'use server'

export async function both() {
  return 1
}
