export async function a() {
  'use cache'
  return 1
}

export async function b() {
  'use cache: remote'
  return 2
}

export async function c() {
  'use cache: private'
  return 3
}

export async function d() {
  'use cache: default'
  return 4
}

export async function e() {
  'use cache: static'
  return 5
}
