import "server-only";

export type Row = { id: string };

export async function getRows(user?: string): Promise<Row[]> {
  return user ? [{ id: user }] : [];
}
