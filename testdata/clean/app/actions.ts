'use server';

export async function subscribe(form: FormData) {
  const email = form.get('email');
  if (typeof email !== 'string' || !email.includes('@')) {
    throw new Error('a valid email is required');
  }
  await fetch('https://example.com/subscribe', { method: 'POST', body: email });
}
