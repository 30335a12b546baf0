'use server'

type Action = () => number

export const count = (() => 1) satisfies Action
