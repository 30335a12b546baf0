'use server';

// eslint-disable-next-line react-rsc/function-definition
export function save() {}

// eslint-disable-next-line @eslint-react/rsc-function-definition -- kept for now
export const remove = () => {};

// biome-ignore lint/nursery/useReactAsyncServerFunction: legacy
export function rename() {}
