// Every malformed cache kind Next.js stops on, with the spelling it means.
export async function a() {
  'use cache:remote' // want `^"use cache:remote" is not a directive and is ignored\. Did you mean "use cache: remote"\?$`
  return 1
}

export async function b() {
  'use cache : remote' // want `Did you mean "use cache: remote"\?`
  return 2
}

export async function c() {
  'use cache private' // want `Did you mean "use cache: private"\?`
  return 3
}

export async function d() {
  'use cache ' // want `Did you mean "use cache"\?`
  return 4
}

export async function e() {
  'use cache: ' // want `Did you mean "use cache"\?`
  return 5
}

export async function f() {
  'use-cache-remote' // want `Did you mean "use cache: remote"\?`
  return 6
}

export async function g() {
  'use cache  private' // want `Did you mean "use cache: private"\?`
  return 7
}
