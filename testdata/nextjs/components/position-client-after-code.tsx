const theme = 'dark'
'use client'

export function Theme() {
  return <p>{theme}</p>
}
