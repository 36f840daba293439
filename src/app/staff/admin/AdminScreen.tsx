export function AdminScreen() {
  return <h1>…</h1>;
}
