export * from "./format";
export { Badge } from "./badge";
