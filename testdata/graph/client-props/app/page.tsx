import { Panel, Badge } from "../components/panel";
import { Card } from "../components";
import { formatPrice, fetchPrice, Cart as ImportedCart, TAX } from "../lib/format";
import { saveCart } from "./actions";

function localHandler() {}

async function localAction() {
  "use server";
}

class Cart {
  items: string[] = [];
}

export default function Page(props: { fn: () => void; rest: Record<string, unknown> }) {
  return (
    <main>
      <Panel
        onSave={() => console.log("saved")} // want "unserializable-client-prop: <Panel> is a Client Component \\(from components/panel.tsx\\), but its onSave prop is an inline function"
        onLocal={localHandler} // want "its onLocal prop is the function localHandler, not a Server Function"
        onFormat={formatPrice} // want "its onFormat prop is the function formatPrice from lib/format.ts \\(not a Server Function"
        onFetch={fetchPrice} // want "its onFetch prop is the function fetchPrice from lib/format.ts"
        cart={new Cart()} // want "its cart prop is an instance of the class Cart,"
        imported={new ImportedCart()} // want "its imported prop is an instance of the class ImportedCart,"
        id={Symbol("id")} // want "its id prop is a symbol made by Symbol\\(\\)"
        onAction={localAction}
        onServer={saveCart}
        onInline={async () => {
          "use server";
        }}
        badge={Badge}
        when={new Date()}
        tags={new Set(["a"])}
        key2={Symbol.for("id")}
        tax={TAX}
        fn={props.fn}
        {...props.rest}
      />
      <Card onPick={function pick() {}} /> {/* want "<Card> is a Client Component \\(from components/index.ts\\), but its onPick prop is an inline function" */}
      <Badge />
    </main>
  );
}
