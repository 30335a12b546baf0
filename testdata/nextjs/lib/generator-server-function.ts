export function* rows() {
  'use server'
  yield 1
}
