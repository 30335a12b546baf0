'use cache'

export function label() {
  return 'label'
}
