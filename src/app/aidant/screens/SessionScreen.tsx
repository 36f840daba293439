import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ItinerantSession } from '../../../shared/domain/session';
import type { Stop, Tour } from '../../../shared/domain/tour';
import { loadHoursApi, type HoursApi } from '../../hours/useHoursApi';
import { useAppState, useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { coverageObservation, newId, readNetwork } from '../coverage';
import { errorText } from '../../i18n/errors/errorText';
import { useAidantT } from '../i18n/aidantMessages';
import { parisDate, parisTime } from '../today';
import { ToggleGroup } from '../ToggleGroup';
import { meetingPointDetail } from '../../../shared/domain/meetingPointDetail';

interface StopToday { tour: Tour; stop: Stop; start?: Date; end?: Date }

/** Today's stops of every tour, from their opening-hours schedules (evaluated lazily). */
function stopsToday(api: HoursApi, tours: readonly Tour[], now: Date): StopToday[] {
  const today = parisDate(now);
  const from = new Date(now.getTime() - 14 * 3600_000);
  const out: StopToday[] = [];
  for (const tour of tours) {
    for (const stop of tour.stops) {
      const passage = api.passagesOf(stop.schedule, from, 4)?.passages.find((p) => parisDate(p.start) === today);
      if (passage) out.push({ tour, stop, start: passage.start, end: passage.end });
    }
  }
  return out.sort((a, b) => (a.start?.getTime() ?? 0) - (b.start?.getTime() ?? 0));
}

type Where = { kind: 'stop'; tour: Tour; stop: Stop } | { kind: 'commune'; insee: string };

/** Open a session: at one of today's stops (prefilled), at any stop, or in any commune. */
export function SessionScreen() {
  const t = useAidantT();
  usePageTitle(t('session.title'));
  const { controller, me } = useAidant();
  const { now } = useServices();
  const state = useAppState();
  const { route } = useLocation();
  const today = useSignal<StopToday[] | undefined>(undefined);
  const where = useSignal<Where | undefined>(undefined);
  const vehicle = useSignal<'minibus' | 'camping-car'>('minibus');
  const others = useSignal<string[]>([]);
  const query = useSignal('');
  const error = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const tours = state.tours.value;

  useEffect(() => {
    let live = true;
    void loadHoursApi().then((api) => { if (live) today.value = stopsToday(api, tours, now()); });
    return () => void (live = false);
  }, [tours]);
  useEffect(() => { void controller.refreshProfiles(); }, [controller]);

  const communes = state.territory.value?.communes ?? [];
  const communeName = (insee: string) => communes.find((c) => c.insee === insee)?.name ?? insee;
  const stopName = (stop: Stop) => {
    const commune = communeName(stop.insee);
    const point = meetingPointDetail(stop.meetingPoint, commune);
    return point ? t('session.stopAt', { commune, point }) : commune;
  };
  const chooseStop = (tour: Tour, stop: Stop) => {
    where.value = { kind: 'stop', tour, stop };
    vehicle.value = tour.vehicle;
  };
  const isStop = (stop: Stop) => where.value?.kind === 'stop' && where.value.stop.id === stop.id;
  const q = query.value.trim().toLowerCase();
  const found = q.length >= 2 ? communes.filter((c) => c.name.toLowerCase().includes(q)).slice(0, 8) : [];
  const allStops = tours.flatMap((tour) => tour.stops.map((stop) => ({ tour, stop })));
  const profiles = (controller.profiles.value ?? []).filter((p) => p.userId !== me.userId);

  async function start() {
    const w = where.value;
    if (!w) {
      error.value = t('session.chooseCommune');
      return;
    }
    busy.value = true;
    const at = now();
    const present = (controller.profiles.value ?? []).filter((p) => others.value.includes(p.userId));
    const session: ItinerantSession = {
      id: newId(),
      territoryId: state.territory.value?.id ?? w.kind,
      ...(w.kind === 'stop' ? { tourId: w.tour.id, stopId: w.stop.id } : {}),
      insee: w.kind === 'stop' ? w.stop.insee : w.insee,
      vehicle: vehicle.value,
      date: parisDate(at),
      startedAt: at.toISOString(),
      aidantIds: [me.userId, ...present.map((p) => p.userId)],
      aidantNames: [me.displayName, ...present.map((p) => p.displayName)],
    };
    try {
      await controller.backend.writes.openSession(session);
      await controller.backend.writes.recordCoverage(coverageObservation(session, readNetwork(), newId(), at));
      controller.changed.value++;
      route('/aidant');
    } catch (err) {
      error.value = errorText(err);
    } finally {
      busy.value = false;
    }
  }

  const stopButton = ({ tour, stop, start: s, end }: StopToday) => (
    <li key={`${tour.id}-${stop.id}`}>
      <button type="button" class="need-button toggle stop-button" aria-pressed={isStop(stop) ? 'true' : 'false'} onClick={() => chooseStop(tour, stop)}>
        <span>
          <strong>{stopName(stop)}</strong>
          {s && end && <span class="stop-time">{t('session.stopTime', { start: parisTime(s), end: parisTime(end) })}</span>}
          {tours.length > 1 && <span class="stop-time">{tour.name}</span>}
        </span>
      </button>
    </li>
  );

  return (
    <section class="page aidant-page" aria-labelledby="session-title">
      <h1 id="session-title">{t('session.title')}</h1>
      <fieldset class="toggle-group">
        <legend>{t('session.stopsToday')}</legend>
        {today.value && today.value.length === 0 && <p>{t('session.noStopToday')}</p>}
        <ul class="stop-list">{(today.value ?? []).map(stopButton)}</ul>
      </fieldset>
      <details class="more">
        <summary>{t('session.otherCommune')}</summary>
        <ul class="stop-list">{allStops.map(stopButton)}</ul>
        <label for="session-commune">{t('session.search')}</label>
        <input id="session-commune" class="text-input" value={query.value} autoComplete="off"
          onInput={(e) => (query.value = (e.currentTarget as HTMLInputElement).value)} />
        <ul class="stop-list">
          {found.map((c) => (
            <li key={c.insee}>
              <button type="button" class="need-button toggle" aria-pressed={where.value?.kind === 'commune' && where.value.insee === c.insee ? 'true' : 'false'}
                onClick={() => (where.value = { kind: 'commune', insee: c.insee })}>{c.name}</button>
            </li>
          ))}
        </ul>
      </details>
      <ToggleGroup id="session-vehicle" legend={t('session.vehicle')} onToggle={(v) => (vehicle.value = v)}
        options={(['minibus', 'camping-car'] as const).map((v) => ({ value: v, label: t(`vehicle.${v}`), pressed: vehicle.value === v }))} />
      {profiles.length > 0 && (
        <ToggleGroup id="session-aidants" legend={t('session.aidants')}
          onToggle={(id) => id !== me.userId && (others.value = others.value.includes(id) ? others.value.filter((x) => x !== id) : [...others.value, id])}
          options={[{ value: me.userId, label: me.displayName, pressed: true }, ...profiles.map((p) => ({ value: p.userId, label: p.displayName, pressed: others.value.includes(p.userId) }))]} />
      )}
      {error.value && <p class="notice notice-warn" role="alert">{error.value}</p>}
      <button type="button" class="button button-big" disabled={busy.value} onClick={start}>{t('session.start')}</button>
    </section>
  );
}
