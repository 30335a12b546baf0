"use server";
import { z } from "zod";
// want `ignored here`

export async function parse(input: unknown) {
  "use cache";
  const value = z.string().parse(input);
  // want `top of the function`
  return value;
}
