// Not a Next.js error file: it is not under app/.
export function ErrorMessage({ text }: { text: string }) {
  return <p role="alert">{text}</p>;
}
