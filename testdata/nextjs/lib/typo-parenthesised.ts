import 'server-only'
;('use sevrer')

export async function publish(slug: string) {
  return slug
}
