export function CorrectionsScreen() {
  return <h1>…</h1>;
}
