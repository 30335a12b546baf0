import { db } from "@/lib/db";

class PostStore {
  prefix = "post:";

  save = async (title: string) => {
    "use server";
    await db.set(this.prefix + title, title); // want `this is used in Server Function "save"`
  };

  // An instance method cannot hold "use server" at all: directive-scope
  // reports the directive, this rule stays quiet.
  async remove(id: string) {
    "use server";
    await db.delete(this.prefix + id);
  }

  static async count() {
    "use server";
    return this.name.length; // want `this is used in Server Function "count"`
  }
}

const base = {
  async load() {
    return db.post.findMany();
  },
};

const posts = {
  __proto__: base,
  async load() {
    "use cache";
    return super.load(); // want `^super is used in cache function "load", .*so super refers to nothing`
  },
};

export default function Page() {
  async function publish(formData: FormData) {
    "use server";
    const all = [...arguments]; // want `arguments is used in Server Function "publish"`
    await db.post.create({ data: { title: formData.get("title"), all } });
  }
  function plain() {
    return this; // not a Server Function
  }
  return (
    <form
      action={async () => {
        "use server";
        const run = () => this.refresh(); // want `this is used in a Server Function`
        await run();
      }}
    >
      <button formAction={publish}>{String(plain)}</button>
      {String(PostStore)}
      {String(posts)}
    </form>
  );
}
