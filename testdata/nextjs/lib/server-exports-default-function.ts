'use server'

export default function submit(data: FormData) {
  return data.get('email')
}
