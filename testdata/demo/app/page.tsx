import { createTodo } from './actions';
import { TodoForm } from './ui/todo-form';
import { recentTitles } from './lib/posts';

// Correct: an async Server Component that passes a Server Function down.
export default async function Page() {
  const titles = await recentTitles();
  return (
    <main>
      <h1>Todos</h1>
      <p>Don't forget: "use server" in text is not a directive.</p>
      <ul>
        {titles.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <TodoForm />
      <form action={createTodo} />
    </main>
  );
}
