"use server";
"use cache";
// With "use server" too, an object is reported as in any "use server" file.

export const config = { retries: 3 }; // want `"config" is a value`
