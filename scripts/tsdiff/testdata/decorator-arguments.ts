// Functions in a decorator's arguments: the scanner skips decorators whole.
declare function on(options: object): (...args: unknown[]) => void;
export class Form {
  @on({ submit: async () => { "use server"; } }) field = 1;
}
