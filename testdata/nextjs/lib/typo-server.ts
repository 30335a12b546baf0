'use sever'

export async function subscribe(email: string) {
  return email.trim()
}
