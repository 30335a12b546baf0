import 'react'
;'use server' // want `^"use sevrer" in parentheses is not a directive and is ignored\. Did you mean "use server"\?$`

export async function save() {
  await fetch('/save')
  ;'use client' // want `Did you mean "use client"\?`
}

export async function load() {
  "use cache: remote" // want `Did you mean "use cache: remote"\?`
  return 1
}
