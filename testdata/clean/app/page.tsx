import { Counter } from './counter';
import { subscribe } from './actions';

export default async function Page() {
  const data = await getData();
  return (
    <form action={subscribe}>
      <input name="email" type="email" />
      <Counter initial={data.count} />
    </form>
  );
}

async function getData() {
  'use cache';
  return { count: 1 };
}
