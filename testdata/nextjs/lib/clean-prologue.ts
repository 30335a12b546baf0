#!/usr/bin/env node
// A comment before the prologue.
'use strict'
'use server'

export async function run() {
  return 0
}
