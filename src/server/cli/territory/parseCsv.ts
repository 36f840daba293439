// A small RFC 4180 reader for the data files under data/france: comma-separated, fields
// quoted with "" when they hold a comma, a quote or a line break, first line the header.
// Written here rather than added as a dependency: the files are ours and simple.

/** The rows of `text` as objects keyed by the header's names. Throws on a ragged row. */
export function parseCsv(text: string, file = 'CSV'): Record<string, string>[] {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header) return [];
  return rows.map((fields, i) => {
    if (fields.length !== header.length) {
      throw new Error(`${file}, line ${i + 2}: ${fields.length} fields where the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, fields[j]!]));
  });
}

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  // A last line without its line break.
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One CSV line, quoting only the fields that need it. */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map((f) => {
    const s = String(f);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
