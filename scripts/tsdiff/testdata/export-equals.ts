// In TypeScript, export = x is what a default import receives: the default export.
async function handler() {}
export = handler;
