'use client'
// want `repeated`
// want `repeated`
'use strict'

export function Button() { 'use server'; } // want `repeated`
