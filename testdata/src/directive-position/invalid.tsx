import { revalidatePath } from "next/cache";
import { auth } from "@/auth";
"use server"; // want `^"use server" is ignored here: a directive must come before imports and any other code\. Move it to the top of the file$`
'use sever'; // want `"use sever" \(a misspelling of "use server"\) is ignored here`

export async function deletePost(id: string) {
  const session = await auth();
  "use server"; // want `"use server" is ignored here: a directive must come before any other statement of the function body`
  await fetch(`/api/posts/${id}`, { method: "DELETE" });
  revalidatePath("/");
}

export async function maybe(flag: boolean) {
  if (flag) {
    "use server"; // want `inside a block \(if, loop, try…\) does nothing`
  }
  try {
    'use cache'; // want `inside a block`
  } catch {
    "use cache: remote"; // want `"use cache: remote" is ignored here: a directive inside a block`
  }
  for (const x of [1, 2]) {
    "use server"; // want `inside a block`
  }
  {
    "use server"; /* want `inside a block` */ console.log(1);
  }
}

export function Widget() {
  const n = 1;
  "use client"; // want `"use client" is ignored here: it only works as the first statement of a file`
  return (
    <form
      action={async () => {
        await auth();
        "use server"; // want `before any other statement of the function body`
      }}
    >
      {n}
    </form>
  );
}

export class Store {
  static async save(data: FormData) {
    console.log(data);
    "use server"; // want `function body`
  }
}

if (process.env.NODE_ENV === "development") {
  "use client"; // want `ignored here: it only works as the first statement of a file`
}
