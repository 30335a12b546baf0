'use server'

export const total = (items: number[]) => items.reduce((a, b) => a + b, 0)
