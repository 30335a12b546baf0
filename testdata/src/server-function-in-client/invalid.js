'use strict'
'use client'

export function Form() {
  const submit = async function (data) {
    'use server' // want `Server Function "submit" is defined inline`
    return data
  }
  return submit
}
