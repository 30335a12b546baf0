"use cache";
// Next.js compiles an object exported from a "use cache" module: its
// methods are simply not cached. Only "use server" forbids it.

export const queries = {
  async products() {
    return [];
  },
  count: 3,
};

const settings = { ttl: 60 } satisfies Record<string, number>;
export { settings, settings as options };

export default { name: "catalog" };

export async function getProducts() {
  return queries.products();
}
