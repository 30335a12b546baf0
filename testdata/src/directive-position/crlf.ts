"use server";
import { z } from "zod";
"use server"; // want `ignored here`

export async function parse(input: unknown) {
  const value = z.string().parse(input);
  "use cache"; // want `top of the function`
  return value;
}
