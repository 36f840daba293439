// One CSV cell, RFC 4180 quoting with Escale's separator (see visitsToCsv.ts).

/** The column separator: `;`, what French Excel expects (`,` is its decimal mark). */
export const CSV_SEPARATOR = ';';

// A cell starting with one of these is read as a formula by spreadsheets (CSV
// injection, OWASP): an apostrophe in front makes it plain text. Tab and CR are on the
// OWASP list too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralised against formulas, then quoted when it holds `;`, `"`, CR or LF. */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 says, ending with a line break. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
