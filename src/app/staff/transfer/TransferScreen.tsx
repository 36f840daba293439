export function TransferScreen() {
  return <h1>…</h1>;
}
