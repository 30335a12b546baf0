'use cache: remote'

export const store = { region: 'eu' } as const
