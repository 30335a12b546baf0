'use server'

export const actions = {
  async save() {
    return 1
  },
}
