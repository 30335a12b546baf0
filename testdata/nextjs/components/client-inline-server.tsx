'use client'

export function Form() {
  async function save(data: FormData) {
    'use server'
    console.log(data)
  }
  return <form action={save} />
}
