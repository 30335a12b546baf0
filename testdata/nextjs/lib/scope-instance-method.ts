export class Posts {
  async publish() {
    'use server'
    return 1
  }
}
