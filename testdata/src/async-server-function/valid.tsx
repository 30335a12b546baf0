import { actionClient } from "@/lib/safe-action";
import { z } from "zod";

export async function save() {
  "use server";
}

export const remove = async (id: string) => {
  "use server";
  return id;
};

export async function* stream() {
  "use server";
  yield 1;
}

export const cached = async function () {
  "use cache: remote";
  return 1;
};

export class Api {
  static async refresh() {
    "use server";
  }
}

// Not Server Functions: no directive in their own prologue.
export function helper() {
  return "use server";
}

export function* gen() {
  yield "use cache";
}

export const update = actionClient
  .schema(z.object({ id: z.string() }))
  .action(async ({ parsedInput }) => {
    "use server";
    return parsedInput.id;
  });

// A directive that is not in the prologue does not make a Server Function.
export function late() {
  const x = 1;
  "use server";
  return x;
}

// Getters, setters, constructors and instance methods belong to directive-scope.
export class Model {
  constructor() {
    "use server";
  }
  get value() {
    "use cache";
    return 1;
  }
  method() {
    "use server";
  }
}

export default function Page() {
  return (
    <form
      action={async (formData: FormData) => {
        "use server";
        console.log(formData);
      }}
    >
      <button>use server</button>
    </form>
  );
}
