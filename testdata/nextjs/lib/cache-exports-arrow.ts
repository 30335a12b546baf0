'use cache'

export const rates = () => [1, 2, 3]
