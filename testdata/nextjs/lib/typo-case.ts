export async function load() {
  'Use Cache'
  return 1
}
