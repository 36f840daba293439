import { useMemo, useState } from 'preact/hooks';
import { computeIndicators } from '../../../shared/indicators/computeIndicators';
import { visitsToCsv } from '../../../shared/indicators/visitsToCsv';
import type { CoverageObservation } from '../../../shared/domain/coverageObservation';
import type { ItinerantSession } from '../../../shared/domain/session';
import type { Territory } from '../../../shared/domain/territory';
import type { Tour } from '../../../shared/domain/tour';
import type { VisitLog } from '../../../shared/domain/visitLog';
import { lang } from '../../i18n/i18n';
import { useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useStaffT } from '../i18n/staffMessages';
import { downloadFile } from '../transfer/downloadFile';
import { parisToday, useReplica, useStaff } from '../useStaff';
import { communeShapes } from './communeShapes';
import { IndicatorsReport } from './IndicatorsReport';
import { PeriodForm } from './PeriodForm';
import { isCalendarDate, presetPeriod } from './periodPresets';

interface Source {
  territory: Territory | undefined;
  visits: VisitLog[];
  sessions: ItinerantSession[];
  coverage: CoverageObservation[];
  tours: Tour[];
}

/** The CTG indicators over the replicated visit logs, sessions and coverage observations. */
export function IndicatorsScreen() {
  const t = useStaffT();
  const staff = useStaff();
  const { now } = useServices();
  usePageTitle(t('ind.title'));
  const today = parisToday(now());
  const [period, setPeriod] = useState(() => presetPeriod('thisYear', today));
  const source = useReplica<Source>(async () => {
    const [territory, visits, sessions, coverage, tours] = await Promise.all([
      staff.directory.territory(), staff.directory.visits(), staff.directory.sessions(),
      staff.directory.list('coverage'), staff.directory.tours(),
    ]);
    return { territory, visits, sessions, coverage: coverage.map((c) => c.record), tours };
  });
  const valid = isCalendarDate(period.from) && isCalendarDate(period.to) && period.from <= period.to;
  const indicators = useMemo(() => {
    if (!source || !valid) return undefined;
    return computeIndicators({
      visits: source.visits, sessions: source.sessions, coverage: source.coverage, tours: source.tours,
      communes: source.territory?.communes ?? [], ...(source.territory ? { territoryId: source.territory.id } : {}), ...period,
      names: { unknownResidence: t('ind.unknownResidence'), noSession: t('ind.noSession'), unknownSession: t('ind.unknownSession') },
    });
  }, [source, period.from, period.to, valid, lang.value]);
  // A territory without commune outlines gets the tables only (VisitsByCommune says why).
  const shapes = useMemo(() => (source?.territory?.outlines.features.length ? communeShapes(source.territory) : undefined), [source?.territory]);

  function exportCsv() {
    if (!source) return;
    const inPeriod = source.visits.filter((v) => {
      const d = parisToday(new Date(v.createdAt));
      return d >= period.from && d <= period.to;
    });
    const csv = visitsToCsv(inPeriod, { communes: source.territory?.communes ?? [], sessions: source.sessions, lang: lang.value });
    downloadFile(`escale-visites-${period.from}-${period.to}.csv`, csv, 'text/csv;charset=utf-8');
  }

  /** The tables folded under each chart are part of the printed report. */
  function printReport() {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('.indicators details')) details.open = true;
    window.print();
  }

  return (
    <section aria-labelledby="ind-title" class="indicators">
      <h1 id="ind-title">{t('ind.title')}</h1>
      <p class="report-title">{t('ind.report', { territory: source?.territory?.name ?? '', from: period.from, to: period.to })}</p>
      <PeriodForm period={period} today={today} onChange={setPeriod} />
      {!valid && <p role="alert" class="notice notice-warn">{t('ind.badPeriod')}</p>}
      <div class="button-row no-print">
        <button type="button" class="button" onClick={printReport}>{t('ind.print')}</button>
        <button type="button" class="button button-quiet" onClick={exportCsv} aria-describedby="csv-hint">{t('ind.csv')}</button>
      </div>
      <p id="csv-hint" class="hint no-print">{t('ind.csvHint')}</p>
      {!source ? <p role="status">{t('loading')}</p> : indicators && <IndicatorsReport ind={indicators} shapes={shapes} />}
    </section>
  );
}
