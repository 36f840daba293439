import { useStaffT } from '../i18n/staffMessages';
import { TableScroll } from '../TableScroll';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A second figure shown in the table (people beside visits). */
  extra?: number;
}

interface Props {
  id: string;
  title: string;
  bars: readonly Bar[];
  valueLabel: string;
  extraLabel?: string;
  /** Hide the bars with a zero (long vocabularies). */
  hideZeros?: boolean;
}

/**
 * Horizontal bars in HTML with the figure written beside each bar (no meaning by length
 * or colour alone), and the same figures as a data table below.
 */
export function BarChart({ id, title, bars, valueLabel, extraLabel, hideZeros }: Props) {
  const t = useStaffT();
  const shown = hideZeros ? bars.filter((b) => b.value > 0) : bars;
  const max = Math.max(1, ...shown.map((b) => b.value));
  return (
    <section class="chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shown.length === 0 ? <p>{t('ind.none')}</p> : (
        <ul class="bars" aria-label={title}>
          {shown.map((b) => (
            <li key={b.key}>
              <span class="bar-label">{b.label}</span>
              <span class="bar-track" aria-hidden="true"><span class="bar" style={{ width: `${(b.value / max) * 100}%` }} /></span>
              <span class="bar-value">{b.value}</span>
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <details>
          <summary>{t('ind.table', { title })}</summary>
          <TableScroll label={title}>
            <table class="staff-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{title.split(' (')[0]}</th>
                  <th scope="col" class="num">{valueLabel}</th>
                  {extraLabel && <th scope="col" class="num">{extraLabel}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((b) => (
                  <tr key={b.key}>
                    <th scope="row">{b.label}</th>
                    <td class="num">{b.value}</td>
                    {extraLabel && <td class="num">{b.extra ?? ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </section>
  );
}
