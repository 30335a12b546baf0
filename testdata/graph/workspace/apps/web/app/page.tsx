import { Button } from "@acme/ui/button";
import { Panel } from "@acme/ui";
import { Title } from "~/title";

export default function Page() {
  return <Panel><Title /><Button /></Panel>;
}
