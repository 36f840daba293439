import type { CommuneRow, Indicators } from '../../../shared/indicators/computeIndicators';
import { useStaffT, type StaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';
import { CommuneMap, type MapClass } from './CommuneMap';
import type { ShapeSet } from './communeShapes';

const VISIT_FILLS = ['#ffffff', '#d6ecf0', '#9fd0da', '#4f9fb0', '#1f6f82'];

/** Up to five classes of visit counts, "no visit" first, each with its pattern's fill. */
function visitClasses(max: number, t: StaffT): { classes: MapClass[]; classOf: (n: number) => MapClass } {
  const step = Math.max(1, Math.ceil(max / 4));
  const classes: MapClass[] = [{ key: '0', label: t('ind.noVisit'), fill: VISIT_FILLS[0]! }];
  for (let i = 0; i < 4 && i * step + 1 <= Math.max(max, 1); i++) {
    const from = i * step + 1;
    const to = (i + 1) * step;
    classes.push({ key: String(i + 1), label: from === to ? t('ind.visitsOne', { n: from }) : t('ind.visitsClass', { from, to }), fill: VISIT_FILLS[i + 1]! });
  }
  return { classes, classOf: (n) => (n <= 0 ? classes[0]! : classes[Math.min(classes.length - 1, Math.ceil(n / step))]!) };
}

/** Visits by the commune people live in: the map (the count written on each commune) and the table. */
export function VisitsByCommune({ ind, shapes }: { ind: Indicators; shapes: ShapeSet | undefined }) {
  const t = useStaffT();
  const byInsee = new Map(ind.byCommune.map((c) => [c.insee, c]));
  const vc = visitClasses(Math.max(0, ...ind.byCommune.map((c) => c.visits)), t);
  return (
    <section class="chart" aria-labelledby="ch-commune">
      <h2 id="ch-commune">{t('ind.byCommune')}</h2>
      <div class="two-cols">
        {!shapes && <p class="small">{t('ind.noOutlines')}</p>}
        {shapes && (
          <CommuneMap id="map-visits" title={t('ind.mapVisits')} shapes={shapes} classes={vc.classes} legendTitle={t('ind.legend')}
            classOf={(insee) => vc.classOf(byInsee.get(insee)?.visits ?? 0)}
            labelOf={(insee) => { const n = byInsee.get(insee)?.visits ?? 0; return n > 0 ? String(n) : undefined; }}
            describe={(insee, name) => t('ind.mapVisitsOf', { name, count: byInsee.get(insee)?.visits ?? 0 })} />
        )}
        <SortableTable<CommuneRow>
          caption={t('ind.byCommune')} rows={ind.byCommune.filter((c) => c.visits > 0)} rowKey={(c) => c.insee} rowHeader="name"
          initialSort={{ key: 'visits', dir: 'descending' }}
          columns={[
            { key: 'name', label: t('col.commune'), sortValue: (c) => c.name, render: (c) => c.name },
            { key: 'visits', label: t('ind.visits'), numeric: true, sortValue: (c) => c.visits, render: (c) => c.visits },
            { key: 'people', label: t('ind.people'), numeric: true, sortValue: (c) => c.people, render: (c) => c.people },
          ]}
        />
      </div>
    </section>
  );
}
