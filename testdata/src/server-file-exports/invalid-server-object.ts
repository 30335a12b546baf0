"use server";
// In a "use server" module an object is still not a Server Function.

export const handlers = { // want `^Only async functions can be exported from a "use server" file: "handlers" is a value, not a function`
  async save() {},
};

const limits = { max: 10 };
export { limits }; // want `"limits" is a value`

export default { name: "actions" }; // want `the default export is a value`
