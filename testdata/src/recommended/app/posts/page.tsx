import { deletePost } from "../actions";
import { LikeButton } from "./like-button";

export default async function Page() {
  const posts: { id: string; title: string }[] = await fetch("https://api.example.com/posts").then((r) => r.json());

  async function archive(formData: FormData) {
    "use server";
    await deletePost(String(formData.get("id")));
  }

  return (
    <ul>
      {posts.map((post) => (
        <li key={post.id}>
          <p>'use client' is only text here</p>
          {post.title}
          <form action={archive}>
            <input type="hidden" name="id" value={post.id} />
            <button>Archive</button>
          </form>
          <form
            action={async () => {
              "use server";
              await deletePost(post.id);
            }}
          >
            <button>Delete</button>
          </form>
          <LikeButton id={post.id} />
        </li>
      ))}
    </ul>
  );
}
