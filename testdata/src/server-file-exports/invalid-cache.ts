"use cache";

export const revalidate = 60; // want `^Only async functions can be exported from a "use cache" file: "revalidate" is a value`

export async function getProducts() {
  return [];
}
