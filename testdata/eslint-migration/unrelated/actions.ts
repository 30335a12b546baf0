'use server';

// eslint-disable-next-line import/no-default-export
export function save() {}

// eslint-disable-next-line @typescript-eslint/no-empty-function -- kept for now
export const remove = () => {};

// biome-ignore lint/suspicious/noEmptyBlockStatements: legacy
export function rename() {}
