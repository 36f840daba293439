export function IndicatorsScreen() {
  return <h1>…</h1>;
}
