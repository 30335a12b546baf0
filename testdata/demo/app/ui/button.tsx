import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';

// directive-position: a directive after an import is just a string; this
// component is silently treated as a Server Component.
'use client';

export function SubmitButton({ children }: { children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="btn">
      {pending ? 'Saving…' : children}
    </button>
  );
}
