// In no Next.js project: which handlers the app that uses this package has
// is unknown, so nothing is reported.
export async function fromRedis() {
  "use cache: redis";
  return [];
}
