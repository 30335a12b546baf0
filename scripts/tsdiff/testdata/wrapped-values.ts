// A function in parentheses, as or satisfies is still the value: it is
// named after the binding, and exported as a function.
const f1 = (async () => { 'use server'; }) as any;
const f2 = (async () => { 'use server'; }) satisfies unknown;
export { f1 as "string name", f2 };
