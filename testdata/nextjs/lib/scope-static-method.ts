export class Posts {
  static async publish() {
    'use server'
    return 1
  }
}
