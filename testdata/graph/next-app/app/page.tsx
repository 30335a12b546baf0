import { Button } from "@/components/button";
import { getRows } from "@/lib/db";
import { Counter } from "./counter";
import { Search } from "./search";
import { format } from "@/lib/shared";
import { missing } from "./does-not-exist";

export default async function Page() {
  const rows = await getRows();
  return (
    <main>
      <Button />
      <Counter />
      <Search />
      {format(rows.length)}
      {missing}
    </main>
  );
}
