export function Form() {
  function save(data: FormData) {
    'use server'
    return data.get('name')
  }
  return save
}
