import { Button } from "@/components/button";

// A server module: event handlers on DOM elements are refused at render
// time; one report, at the first, naming the second. A prop of a client
// component is another rule's business.
export function Search() {
  return (
    <form
      onSubmit={(e) => e.preventDefault()} // want "missing-use-client: reached from the route file app/page.tsx → app/search.tsx, but it sets the event handler onSubmit on <form>; it also sets the event handler onChange on <input>"
      action="/search"
    >
      <input name="q" onChange={() => {}} />
      <Button />
      <my-element on-click="x" />
    </form>
  );
}
