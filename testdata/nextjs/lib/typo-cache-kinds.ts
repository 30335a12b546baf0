export async function a() {
  'use cache:remote'
  return 1
}

export async function b() {
  'use cache : remote'
  return 2
}

export async function c() {
  'use cache private'
  return 3
}

export async function d() {
  'use cache '
  return 4
}

export async function e() {
  'use cache: '
  return 5
}
