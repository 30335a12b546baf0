"use cache: private";
// Only object literals pass in a "use cache" module: other values do not.

export const sizes = [1, 2, 3]; // want `^Only async functions can be exported from a "use cache: private" file: "sizes" is a value, not a function`
export const label = `catalog`; // want `"label" is a value`
export const format = (n: number) => n.toFixed(2); // want `"format" is a function that is not async`
export class Cache {} // want `"Cache" is a class`

export async function getCart() {
  return { items: [] };
}
