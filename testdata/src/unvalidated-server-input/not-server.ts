// No "use server": ordinary functions with unchecked parameters are fine.
import { db } from "@/lib/db";

export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
}
