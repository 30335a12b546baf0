// Well-formed cache directives, and sentences that merely start alike.
export async function a() {
  'use cache: remote'
  return 1
}

export async function b() {
  'use cache: private'
  return 2
}

export async function c() {
  'use cache for this function'
  return 3
}

export async function d() {
  'use case study'
  return 4
}

export async function e() {
  'use cache two words'
  return 5
}
