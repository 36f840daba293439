export function ConflictsScreen() {
  return <h1>…</h1>;
}
