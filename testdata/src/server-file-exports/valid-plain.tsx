// No "use server": any export is fine.
export const PAGE_SIZE = 20;
export function format(n: number) {
  return n.toFixed(2);
}
export class Store {}
export * from "./other";

export default function Page() {
  return <p>"use server" export const x = 1;</p>;
}
