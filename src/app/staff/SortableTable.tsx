import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useStaffT } from './i18n/staffMessages';
import { TableScroll } from './TableScroll';

export interface Column<T> {
  key: string;
  label: string;
  /** The value sorted on; columns without one do not sort. */
  sortValue?: (row: T) => string | number;
  render: (row: T) => ComponentChildren;
  numeric?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; dir: 'ascending' | 'descending' };
  /** Headings of rows (th scope=row) come from this column. */
  rowHeader?: string;
}

/**
 * A table that sorts by a click (or Enter/Space) on a column heading. The heading is a
 * button and its th carries aria-sort, so a screen reader says which way it is sorted.
 */
export function SortableTable<T>({ caption, columns, rows, rowKey, initialSort, rowHeader }: Props<T>) {
  const t = useStaffT();
  const [sort, setSort] = useState(initialSort);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = column?.sortValue
    ? [...rows].sort((a, b) => {
        const x = column.sortValue!(a);
        const y = column.sortValue!(b);
        const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr', { numeric: true });
        return sort?.dir === 'descending' ? -cmp : cmp;
      })
    : rows;
  const toggle = (key: string) =>
    setSort((s) => ({ key, dir: s?.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  return (
    <TableScroll label={caption}>
      <table class="staff-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={sort?.key === c.key ? sort.dir : undefined}>
                {c.sortValue ? (
                  <button type="button" class="sort-button" onClick={() => toggle(c.key)} aria-label={t('sort.by', { column: c.label })}>
                    {c.label}
                    <span aria-hidden="true" class="sort-mark">{sort?.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{t('table.empty')}</td>
            </tr>
          )}
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.key === rowHeader ? (
                  <th key={c.key} scope="row">{c.render(row)}</th>
                ) : (
                  <td key={c.key} class={c.numeric ? 'num' : undefined}>{c.render(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
