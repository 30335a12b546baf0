'use strict'

export async function describe() {
  'This function talks to the billing API'
  'use memo'
  const text = 'use sever'
  return text
}
