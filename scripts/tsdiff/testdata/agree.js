// Constructs on which the scanner and TypeScript agree, kept as regression cases for scripts/tsdiff.
module.exports = function () {};
exports.handler = async function named() { 'use server'; };
function f(a) { return a
/'use server'/g.test(a); }
const x = { async: true, get: 1 };
async
function notAsync() {}
let y = async => async;
class K { static async method() {} static static() {} get get() { return 1; } }
export default async () => { 'use server' };
export { f as default2 };
