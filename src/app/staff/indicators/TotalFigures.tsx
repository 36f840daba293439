import type { Indicators } from '../../../shared/indicators/computeIndicators';
import { useStaffT } from '../i18n/staffMessages';

/** The period in five figures: visits, people helped, first visits, sessions, hours. */
export function TotalFigures({ totals }: { totals: Indicators['totals'] }) {
  const t = useStaffT();
  const figures: Array<[string, number | string, string]> = [
    [t('ind.visits'), totals.visits, 'visits'],
    [t('ind.people'), totals.peopleHelped, 'people'],
    [t('ind.first'), totals.firstVisits, 'first'],
    [t('ind.sessions'), totals.sessions, 'sessions'],
    [t('ind.hours'), Math.round((totals.minutes / 60) * 10) / 10, 'hours'],
  ];
  return (
    <>
      <h2>{t('ind.totals')}</h2>
      <ul class="figures">
        {figures.map(([label, value, key]) => (
          <li key={key}><span class="figure" data-testid={`total-${key}`}>{value}</span>{label}</li>
        ))}
      </ul>
    </>
  );
}
