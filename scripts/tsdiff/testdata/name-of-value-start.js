// The scanner names a function after the variable whose value starts with
// it, even when the value is more than the function: TypeScript's value
// here is a call.
export const bound = function () {}.bind(null);
export const either = function () {} || null;
