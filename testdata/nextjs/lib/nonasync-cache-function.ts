export function getCount() {
  'use cache'
  return 42
}
