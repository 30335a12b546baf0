'use server'
'use server'

export async function twice() {
  return 2
}
