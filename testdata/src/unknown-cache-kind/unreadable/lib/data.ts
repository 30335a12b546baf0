// next.config.mjs sets cacheHandlers from a variable: no kind is known to
// be missing.
export async function anything() {
  "use cache: memcached";
  return [];
}
