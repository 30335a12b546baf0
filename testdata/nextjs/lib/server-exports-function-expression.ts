'use server'

export const send = function (to: string) {
  return to
}
