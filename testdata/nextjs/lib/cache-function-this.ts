export const store = {
  value: 1,
  async read() {
    'use cache'
    return this.value
  },
}
