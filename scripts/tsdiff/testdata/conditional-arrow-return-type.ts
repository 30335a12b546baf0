// An arrow with a return type as the first branch of a conditional: the
// scanner takes the type's colon for the conditional's, and so the type for
// the arrow's parameter (or loses the arrow).
export const pick = (c: boolean) => (c ? (x: number): number => x : null);
export const load = (c: boolean) => (c ? async (): Promise<void> => { "use server"; } : null);
