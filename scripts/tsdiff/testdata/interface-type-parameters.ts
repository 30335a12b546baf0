// An object type in an interface's type parameters: the scanner reads the
// interface's body as code and finds an arrow function in a member's type.
export interface Props<T extends { a: number }> {
  handler: (x: T) => void;
}
