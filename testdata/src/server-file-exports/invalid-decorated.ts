"use server";

// Decorated classes are exports like any other.
@injectable() export class Service {} // want `"Service" is a class`

export @sealed class Store {} // want `"Store" is a class`

@entity
export default class User {} // want `the default export is a class`

export async function ok() {
  return 1;
}
