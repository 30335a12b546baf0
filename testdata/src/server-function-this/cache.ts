"use cache";

export async function getPosts(tag: string) {
  return this.db.posts.byTag(tag); // want `this is used in cache function "getPosts"`
}

export async function getAuthors() {
  const load = async () => {
    // Still the same this: arrows do not have their own.
    return [this]; // want `this is used in cache function "getAuthors"`
  };
  return load();
}
