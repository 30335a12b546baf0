import { cookies } from 'next/headers'
'use server'

export async function remember(theme: string) {
  ;(await cookies()).set('theme', theme)
}
