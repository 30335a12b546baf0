export function Title() {
  return <h1>Acme</h1>;
}
