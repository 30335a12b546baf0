'use client';

import { useState } from 'react';
import { SubmitButton } from './button';

export function TodoForm() {
  const [draft, setDraft] = useState('');

  // server-function-in-client: Server Functions cannot be defined in a
  // client module; import them from a 'use server' file instead.
  async function save(formData: FormData) {
    'use server';
    console.log('saving', formData.get('title'));
  }

  return (
    <form action={save}>
      <input name="title" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <SubmitButton>Add "{draft || 'todo'}"</SubmitButton>
    </form>
  );
}
