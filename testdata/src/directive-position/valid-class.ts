"use server";
import "server-only";

export class Jobs {
  static async run<T>(input: T): Promise<T> {
    "use server";
    const value = <T>input;
    return value as T;
  }

  static async cached() {
    /** docs */
    "use cache";
    return Jobs.name;
  }
}

export async function generic<T extends { id: string }>(items: T[]): Promise<T[]> {
  "use server";
  return items.filter((i) => i.id !== "use server");
}
