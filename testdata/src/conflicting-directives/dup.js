'use client'
'use client' // want `repeated`
"use client"; // want `repeated`
'use strict'

export function Button() { 'use server'; 'use server'; } // want `repeated`
