export const counter = {
  n: 0,
  async bump() {
    'use server'
    return this.n + 1
  },
}
