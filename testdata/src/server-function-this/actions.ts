"use server";

import { db } from "@/lib/db";

export async function savePost(title: string) {
  await db.post.create({ data: { title, author: this.userId } }); // want `^this is used in Server Function "savePost", which is called over the network, not as a method of an object, so this is lost\. Pass the value as an argument or read it from module scope$`
}

export async function logAll() {
  console.log(arguments.length); // want `^arguments is used in Server Function "logAll", .*Use named or rest parameters \(\.\.\.args\) instead$`
}

export const touch = async (id: string) => {
  // Arrows share this with the module: still reported.
  await db.post.update({ where: { id }, data: { by: this } }); // want `this is used in Server Function "touch"`
};

export default async function () {
  const rows = await db.post.findMany();
  return rows.map((row) => this.format(row)); // want `this is used in a Server Function \(the default export\)`
}

export async function nested(ids: string[]) {
  // A nested function expression or declaration has its own this and arguments.
  const counter = {
    count: 0,
    add() {
      this.count += arguments.length;
    },
  };
  function label(this: { name: string }) {
    return this.name;
  }
  class Batch {
    size = this;
    run() {
      return super.toString();
    }
  }
  const first = function () {
    return arguments[0];
  };
  return [counter, label, Batch, first, ids];
}

// Not exported: an ordinary helper of the module.
async function helper() {
  return this;
}

export async function usesHelper() {
  return helper();
}

// Default values are evaluated in the function they belong to.
export async function withDefault(limit = this.limit) { // want `this is used in Server Function "withDefault"`
  function inner(size = this.size) {
    return size;
  }
  return inner(limit);
}
