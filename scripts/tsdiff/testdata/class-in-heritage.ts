// A class expression in an extends clause: the scanner skips the heritage
// clause whole, and the methods of the class in it with it.
declare function mixin<T>(base: T): T;
export class Widget extends mixin(class { async save() { "use server"; } }) {}
