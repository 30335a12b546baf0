export function Page() {
  const save = () => {
    'use server'
    return 1
  }
  return save
}
