export function Badge() {
  return <span>new</span>;
}
