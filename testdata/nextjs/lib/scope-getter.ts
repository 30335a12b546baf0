export class Settings {
  get theme() {
    'use server'
    return 'dark'
  }
}
