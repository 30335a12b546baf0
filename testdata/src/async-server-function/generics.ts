export const identity = <T,>(value: T): T => { // want `Server Function "identity" is not async`
  "use server";
  return value;
};

export function typed<T extends object>(value: T): T { // want `Server Function "typed" is not async`
  "use server";
  return value as unknown as T;
}
