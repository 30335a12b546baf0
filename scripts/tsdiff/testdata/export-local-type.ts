// export { X } of a name that is only a type (a local type or interface,
// an import type) is a type-only export, erased like export type { X }.
import type { Imported } from "./types";
import { type Named, value } from "./types";
type Local = string;
interface Shape {}
export { Imported, Named, value, Local, Shape };
