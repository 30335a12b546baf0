'use cache'

export const queries = {
  async latest() {
    return []
  },
}
