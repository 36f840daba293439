import { useMemo, useState } from 'preact/hooks';
import { computeIndicators, type CommuneRow, type Indicators, type SessionRow, type StopRow } from '../../../shared/indicators/computeIndicators';
import type { CommuneCoverage } from '../../../shared/indicators/coverageByCommune';
import { visitsToCsv } from '../../../shared/indicators/visitsToCsv';
import type { CoverageObservation } from '../../../shared/domain/coverageObservation';
import type { ItinerantSession } from '../../../shared/domain/session';
import type { Territory } from '../../../shared/domain/territory';
import type { Tour } from '../../../shared/domain/tour';
import type { VisitLog } from '../../../shared/domain/visitLog';
import { lang } from '../../i18n/i18n';
import { useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { staffLabel, useStaffT, type StaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';
import { downloadFile } from '../transfer/downloadFile';
import { parisToday, useReplica, useStaff } from '../useStaff';
import { BarChart } from './BarChart';
import { CommuneMap, CoveragePatterns, type MapClass } from './CommuneMap';
import { communeShapes, type ShapeSet } from './communeShapes';
import { isCalendarDate, presetPeriod, type Preset } from './periodPresets';

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
    });
  }, [source, period.from, period.to, valid]);
  const shapes = useMemo(() => (source?.territory ? communeShapes(source.territory) : undefined), [source?.territory]);

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

  const presets: Array<[Preset, 'ind.thisMonth' | 'ind.last3' | 'ind.thisYear']> = [['thisMonth', 'ind.thisMonth'], ['last3', 'ind.last3'], ['thisYear', 'ind.thisYear']];
  return (
    <section aria-labelledby="ind-title" class="indicators">
      <h1 id="ind-title">{t('ind.title')}</h1>
      <p class="report-title">{t('ind.report', { territory: source?.territory?.name ?? '', from: period.from, to: period.to })}</p>
      <form class="period" onSubmit={(e) => e.preventDefault()} aria-label={t('ind.period')}>
        <div class="field">
          <label for="ind-from">{t('ind.from')}</label>
          <input id="ind-from" type="date" value={period.from} onInput={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value }))} />
        </div>
        <div class="field">
          <label for="ind-to">{t('ind.to')}</label>
          <input id="ind-to" type="date" value={period.to} onInput={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value }))} />
        </div>
        {presets.map(([preset, key]) => {
          const p = presetPeriod(preset, today);
          const active = p.from === period.from && p.to === period.to;
          return <button key={preset} type="button" class="button button-quiet" aria-pressed={active} onClick={() => setPeriod(p)}>{t(key)}</button>;
        })}
      </form>
      {!valid && <p role="alert" class="notice notice-warn">{t('ind.badPeriod')}</p>}
      <div class="button-row no-print">
        <button type="button" class="button" onClick={printReport}>{t('ind.print')}</button>
        <button type="button" class="button button-quiet" onClick={exportCsv} aria-describedby="csv-hint">{t('ind.csv')}</button>
      </div>
      <p id="csv-hint" class="hint no-print">{t('ind.csvHint')}</p>
      {!source ? <p role="status">{t('loading')}</p> : indicators && <Report ind={indicators} shapes={shapes} t={t} />}
    </section>
  );
}

const VISIT_FILLS = ['#ffffff', '#d6ecf0', '#9fd0da', '#4f9fb0', '#1f6f82'];

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

function Report({ ind, shapes, t }: { ind: Indicators; shapes: ShapeSet | undefined; t: StaffT }) {
  const byInsee = new Map(ind.byCommune.map((c) => [c.insee, c]));
  const max = Math.max(0, ...ind.byCommune.map((c) => c.visits));
  const vc = visitClasses(max, t);
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
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const figures: Array<[string, number | string, string]> = [
    [t('ind.visits'), ind.totals.visits, 'visits'],
    [t('ind.people'), ind.totals.peopleHelped, 'people'],
    [t('ind.first'), ind.totals.firstVisits, 'first'],
    [t('ind.sessions'), ind.totals.sessions, 'sessions'],
    [t('ind.hours'), Math.round((ind.totals.minutes / 60) * 10) / 10, 'hours'],
  ];
  return (
    <>
      <h2>{t('ind.totals')}</h2>
      <ul class="figures">
        {figures.map(([label, value, key]) => (
          <li key={key}><span class="figure" data-testid={`total-${key}`}>{value}</span>{label}</li>
        ))}
      </ul>
      <BarChart id="ch-month" title={t('ind.byMonth')} valueLabel={t('ind.visits')} extraLabel={t('ind.people')}
        bars={ind.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), value: m.visits, extra: m.people }))} />
      <section class="chart" aria-labelledby="ch-commune">
        <h2 id="ch-commune">{t('ind.byCommune')}</h2>
        <div class="two-cols">
          {shapes && (
            <CommuneMap id="map-visits" title={t('ind.mapVisits')} shapes={shapes} classes={vc.classes} legendTitle={t('ind.legend')}
              classOf={(insee) => vc.classOf(byInsee.get(insee)?.visits ?? 0)}
              labelOf={(insee) => { const n = byInsee.get(insee)?.visits ?? 0; return n > 0 ? String(n) : undefined; }}
              describe={(insee, name) => `${name} : ${byInsee.get(insee)?.visits ?? 0} ${t('ind.visits').toLowerCase()}`} />
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
      <div class="two-cols">
        <BarChart id="ch-theme" title={t('ind.byTheme')} valueLabel={t('ind.visits')} hideZeros
          bars={ind.byTheme.map((r) => ({ key: r.theme, label: staffLabel('visits', r.theme), value: r.visits, extra: r.people }))} extraLabel={t('ind.people')} />
        <BarChart id="ch-age" title={t('ind.byAge')} valueLabel={t('ind.visits')} extraLabel={t('ind.people')}
          bars={ind.byAgeBand.map((r) => ({ key: r.ageBand, label: staffLabel('visits', r.ageBand), value: r.visits, extra: r.people }))} />
      </div>
      <BarChart id="ch-referral" title={t('ind.byReferral')} valueLabel={t('ind.visits')} hideZeros
        bars={ind.byReferral.map((r) => ({ key: r.referral, label: staffLabel('visits', r.referral), value: r.visits, extra: r.people }))} extraLabel={t('ind.people')} />
      <SortableTable<StopRow>
        caption={t('ind.perStop')} rows={ind.perStop} rowKey={(s) => s.key} rowHeader="name" initialSort={{ key: 'people', dir: 'descending' }}
        columns={[
          { key: 'name', label: t('ind.stop'), sortValue: (s) => s.name, render: (s) => (s.meetingPoint ? `${s.name} — ${s.meetingPoint}` : s.name) },
          { key: 'sessions', label: t('ind.sessions'), numeric: true, sortValue: (s) => s.sessions, render: (s) => s.sessions },
          { key: 'visits', label: t('ind.visits'), numeric: true, sortValue: (s) => s.visits, render: (s) => s.visits },
          { key: 'people', label: t('ind.people'), numeric: true, sortValue: (s) => s.people, render: (s) => s.people },
          { key: 'average', label: t('ind.average'), numeric: true, sortValue: (s) => s.average, render: (s) => s.average.toLocaleString(lang.value === 'en' ? 'en-GB' : 'fr-FR') },
        ]}
      />
      <SortableTable<SessionRow>
        caption={t('ind.perSession')} rows={ind.perSession} rowKey={(s) => s.sessionId} initialSort={{ key: 'date', dir: 'descending' }}
        columns={[
          { key: 'date', label: t('ind.date'), sortValue: (s) => s.date, render: (s) => s.date },
          { key: 'name', label: t('col.commune'), sortValue: (s) => s.name, render: (s) => s.name },
          { key: 'visits', label: t('ind.visits'), numeric: true, sortValue: (s) => s.visits, render: (s) => s.visits },
          { key: 'people', label: t('ind.people'), numeric: true, sortValue: (s) => s.people, render: (s) => s.people },
        ]}
      />
      <section class="chart" aria-labelledby="ch-coverage">
        <h2 id="ch-coverage">{t('ind.coverage')}</h2>
        <div class="two-cols">
          {shapes && (
            <CommuneMap id="map-coverage" title={t('ind.mapCoverage')} shapes={shapes} classes={zoneClasses} legendTitle={t('ind.legend')}
              defs={<CoveragePatterns prefix="cov" />}
              classOf={zone}
              labelOf={(insee) => { const c = coverage.get(insee); return c ? pct(c.shareOnline) : undefined; }}
              describe={(insee, name) => `${name} : ${zone(insee).label}`} />
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
    </>
  );
}

function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 15)).toLocaleDateString(lang.value === 'en' ? 'en-GB' : 'fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
