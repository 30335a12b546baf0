import { pong } from "./cycle-b";

export function ping() {
  return pong();
}
