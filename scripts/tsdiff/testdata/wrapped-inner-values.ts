// Parentheses, as or satisfies around a function that is not a module
// binding's value (in a function, in an assignment): TypeScript's value is
// still the function, the scanner names it only at module level.
export function setup(target: { fetch?: unknown }) {
  const debounced = ((x: number) => x) as (x: number) => number;
  target.fetch = (async () => {}) satisfies () => Promise<void>;
  return debounced;
}
