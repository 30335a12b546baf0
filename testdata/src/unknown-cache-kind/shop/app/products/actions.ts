"use cache: warehouse"; // want `Unknown cache kind "warehouse"`

export async function list() {
  return [];
}
