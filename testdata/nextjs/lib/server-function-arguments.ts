export async function log() {
  'use server'
  return arguments.length
}
