import 'react'
// Well spelt: directive-syntax reports it, not this rule.
;('use server')
;('use strict')
;('This module talks to the billing API')

export function pick(x: boolean) {
  if (x) {
    ('use sevrer')
  }
  const label = ('use sever')
  return ('use clinet') + label
}
