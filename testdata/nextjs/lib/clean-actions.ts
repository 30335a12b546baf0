'use server'

export async function create(data: FormData) {
  return data.get('title')
}

export const update = async function (data: FormData) {
  return data.get('title')
}
