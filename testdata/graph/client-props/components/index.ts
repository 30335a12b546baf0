// A barrel: the tag's module re-exports the client component.
export { Panel as Card } from "./panel";
export * from "./panel";
