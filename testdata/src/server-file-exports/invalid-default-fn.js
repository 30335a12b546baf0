'use server'

export default function handler(req) { // want `the default export is a function that is not async`
  return req
}
