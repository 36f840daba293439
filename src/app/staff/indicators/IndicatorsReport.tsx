import type { Indicators } from '../../../shared/indicators/computeIndicators';
import { staffLabel, useStaffT } from '../i18n/staffMessages';
import { BarChart } from './BarChart';
import type { ShapeSet } from './communeShapes';
import { CoverageByCommune } from './CoverageByCommune';
import { monthLabel } from './monthLabel';
import { SessionTables } from './SessionTables';
import { TotalFigures } from './TotalFigures';
import { VisitsByCommune } from './VisitsByCommune';

/** The figures of one period: totals, charts with their tables, maps of the communes. */
export function IndicatorsReport({ ind, shapes }: { ind: Indicators; shapes: ShapeSet | undefined }) {
  const t = useStaffT();
  return (
    <>
      <TotalFigures totals={ind.totals} />
      <BarChart id="ch-month" title={t('ind.byMonth')} valueLabel={t('ind.visits')} extraLabel={t('ind.people')}
        bars={ind.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), value: m.visits, extra: m.people }))} />
      <VisitsByCommune ind={ind} shapes={shapes} />
      <div class="two-cols">
        <BarChart id="ch-theme" title={t('ind.byTheme')} valueLabel={t('ind.visits')} hideZeros
          bars={ind.byTheme.map((r) => ({ key: r.theme, label: staffLabel('visits', r.theme), value: r.visits, extra: r.people }))} extraLabel={t('ind.people')} />
        <BarChart id="ch-age" title={t('ind.byAge')} valueLabel={t('ind.visits')} extraLabel={t('ind.people')}
          bars={ind.byAgeBand.map((r) => ({ key: r.ageBand, label: staffLabel('visits', r.ageBand), value: r.visits, extra: r.people }))} />
      </div>
      <BarChart id="ch-referral" title={t('ind.byReferral')} valueLabel={t('ind.visits')} hideZeros
        bars={ind.byReferral.map((r) => ({ key: r.referral, label: staffLabel('visits', r.referral), value: r.visits, extra: r.people }))} extraLabel={t('ind.people')} />
      <SessionTables ind={ind} />
      <CoverageByCommune ind={ind} shapes={shapes} />
    </>
  );
}
