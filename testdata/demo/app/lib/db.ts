// directive-typo: 'use sever' is not a directive, so nothing here is a
// Server Function and the module can end up in the client bundle.
'use sever';

type Todo = { id: number; title: string; done: boolean };

const todos: Todo[] = [];

export const db = {
  todo: {
    async create({ data }: { data: { title: string } }) {
      todos.push({ id: todos.length + 1, title: data.title, done: false });
    },
    async list() {
      return [...todos];
    },
  },
};
