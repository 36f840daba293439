import type { Indicators } from '../../../shared/indicators/computeIndicators';
import type { CommuneCoverage } from '../../../shared/indicators/coverageByCommune';
import { useStaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';
import { CommuneMap, CoveragePatterns, type MapClass } from './CommuneMap';
import type { ShapeSet } from './communeShapes';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The white zones: the share of connection readings with a network, per commune, as a map
 *  (a pattern per class, never colour alone) and a table. */
export function CoverageByCommune({ ind, shapes }: { ind: Indicators; shapes: ShapeSet | undefined }) {
  const t = useStaffT();
  const coverage = new Map(ind.coverage.map((c) => [c.insee, c]));
  const zone = (insee: string): MapClass => {
    const c = coverage.get(insee);
    if (!c) return { key: 'unknown', label: t('ind.zone.unknown'), fill: 'url(#cov-unknown)' };
    if (c.whiteZone) return { key: 'none', label: t('ind.zone.none'), fill: 'url(#cov-none)' };
    if (c.shareOnline < 0.5) return { key: 'low', label: t('ind.zone.low'), fill: 'url(#cov-low)' };
    return { key: 'high', label: t('ind.zone.high'), fill: '#4f9fb0' };
  };
  const zoneClasses: MapClass[] = [
    { key: 'none', label: t('ind.zone.none'), fill: 'url(#cov-none)' },
    { key: 'low', label: t('ind.zone.low'), fill: 'url(#cov-low)' },
    { key: 'high', label: t('ind.zone.high'), fill: '#4f9fb0' },
    { key: 'unknown', label: t('ind.zone.unknown'), fill: 'url(#cov-unknown)' },
  ];
  return (
    <section class="chart" aria-labelledby="ch-coverage">
      <h2 id="ch-coverage">{t('ind.coverage')}</h2>
      <div class="two-cols">
        {shapes && (
          <CommuneMap id="map-coverage" title={t('ind.mapCoverage')} shapes={shapes} classes={zoneClasses} legendTitle={t('ind.legend')}
            defs={<CoveragePatterns prefix="cov" />}
            classOf={zone}
            labelOf={(insee) => { const c = coverage.get(insee); return c ? pct(c.shareOnline) : undefined; }}
            describe={(insee, name) => t('ind.mapCoverageOf', { name, zone: zone(insee).label })} />
        )}
        <SortableTable<CommuneCoverage>
          caption={t('ind.coverage')} rows={ind.coverage} rowKey={(c) => c.insee} rowHeader="name" initialSort={{ key: 'share', dir: 'ascending' }}
          columns={[
            { key: 'name', label: t('col.commune'), sortValue: (c) => c.name, render: (c) => c.name },
            { key: 'observations', label: t('ind.observations'), numeric: true, sortValue: (c) => c.observations, render: (c) => c.observations },
            { key: 'online', label: t('ind.online'), numeric: true, sortValue: (c) => c.online, render: (c) => c.online },
            { key: 'share', label: t('ind.share'), numeric: true, sortValue: (c) => c.shareOnline, render: (c) => pct(c.shareOnline) },
            { key: 'white', label: t('ind.whiteZone'), sortValue: (c) => (c.whiteZone ? 1 : 0), render: (c) => (c.whiteZone ? `⚠ ${t('ind.yes')}` : t('ind.no')) },
          ]}
        />
      </div>
    </section>
  );
}
