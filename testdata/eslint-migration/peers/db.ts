export const db = { write() {} };
