// The names a destructuring export binds are exports.
export const { a, b: [c] } = { a: 1, b: [2] };
