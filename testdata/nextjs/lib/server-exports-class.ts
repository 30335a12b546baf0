'use server'

export class Store {
  items: string[] = []
}
