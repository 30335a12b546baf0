"use server";

import type { PageServerLoad } from "./$types";

// A function in parentheses, as or satisfies is judged as the function.
export const z = (() => 1); // want `"z" is a function that is not async`

export const load = (({ cookies }) => { // want `"load" is a function that is not async`
  return { theme: cookies.get("theme") };
}) satisfies PageServerLoad;

export const Store = (class {}); // want `"Store" is a class`

export const save = (async (id: string) => id) as (id: string) => Promise<string>;

// The value of a call cannot be judged.
export const value = (() => 1)();

export default (async function submit(formData: FormData) {
  return formData;
});
