export async function archive(slug: string) {
  const at = Date.now()
  ;('use sever')
  return { slug, at }
}
