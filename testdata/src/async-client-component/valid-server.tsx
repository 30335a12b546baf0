// Server Components may be async.
export default async function Page() {
  const data = await fetch("https://api.example.com/items");
  return <pre>{JSON.stringify(await data.json())}</pre>;
}

export async function Sidebar() {
  return <aside />;
}
