'use cache'

export const ttl = 60
