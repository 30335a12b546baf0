// An object type in an interface's heading, in its type parameters or its
// extends clause: the scanner reads the interface's body as code and
// takes a function type in a member for an arrow function.
interface WithDefault<T = {}> { f: () => void }
interface Extends extends Array<{ a: 1 }> { g: (x: number) => void }
export type { WithDefault, Extends };
