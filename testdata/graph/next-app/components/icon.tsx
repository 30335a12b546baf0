import "server-only"; // want "server-only-in-client: components/button.tsx → components/icon.tsx\\."

export function Icon() {
  return <svg />;
}
