export { Panel } from "./panel";
