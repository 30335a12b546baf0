import { db } from "@/lib/db";

export default function Page() {
  function publish(formData: FormData) { // want `^Server Function "publish" is not async: a function with "use server" must be async\. Add the async keyword$`
    "use server";
    db.post.create(formData);
  }
  const remove = (formData: FormData) => { // want `Server Function "remove" is not async`
    "use server";
    db.post.delete(formData);
  };
  const load = function () { // want `cache function "load" is not async: a function with "use cache" must be async`
    "use cache";
    return db.post.list();
  };
  return (
    <form
      action={() => { // want `^This Server Function is not async`
        "use server";
      }}
    >
      <button formAction={publish}>Publish</button>
      <button formAction={remove}>Remove</button>
      {String(load)}
    </form>
  );
}

export function* stream() { // want `Server Function "stream" is a generator that is not async: .* Make it an async generator`
  "use server";
  yield 1;
}

export const actions = {
  save() { // want `Server Function "save" is not async`
    "use server";
  },
  *rows() { // want `cache function "rows" is a generator`
    "use cache: remote";
    yield 1;
  },
};

export class Jobs {
  static refresh() { // want `Server Function "refresh" is not async`
    "use server";
  }
}

export const one = x => { // want `Server Function "one" is not async`
  "use server";
  return x;
};
