// Partial runs (cmd/directivelint TestPartialRuns): lint only some files
// of this project and the graph still covers all of it.
import { Widget } from "#/components/widget";
import { Counter } from "../lib/generated/counter";
import { config } from "#config";
import { gone } from "@/gone";

export default function Page() {
  return (
    <Widget title={config.title}>
      <Counter />
      {gone}
    </Widget>
  );
}
