import type { Territory } from '../../../shared/domain/territory';
import { lang } from '../../i18n/i18n';
import { useStaffT } from '../i18n/staffMessages';
import { ScheduleEditor } from '../schedule/ScheduleEditor';
import type { StopValues } from './formModel';

interface Props {
  stops: StopValues[];
  onChange: (stops: StopValues[]) => void;
  territory: Territory | undefined;
  errors: Record<string, string>;
  newStopId: () => string;
}

/** The ordered stops of a tour, each with its schedule editor. */
export function StopsEditor({ stops, onChange, territory, errors, newStopId }: Props) {
  const t = useStaffT();
  const communes = territory?.communes ?? [];
  const set = (i: number, patch: Partial<StopValues>) => onChange(stops.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const err = (i: number, f: string) => errors[`stops.${i}.${f}`];
  const input = (i: number, f: 'meetingPoint' | 'lat' | 'lon', label: string) => {
    const id = `stop-${i}-${f}`;
    const e = err(i, f);
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input id={id} type="text" value={stops[i]![f]} aria-invalid={e ? 'true' : undefined} aria-describedby={e ? `${id}-error` : undefined}
          onInput={(ev) => set(i, { [f]: ev.currentTarget.value })} />
        {e && <p id={`${id}-error`} class="field-error">✗ {e}</p>}
      </div>
    );
  };
  return (
    <fieldset class="stops">
      <legend>{t('f.stops')}</legend>
      {stops.map((stop, i) => (
        <section key={stop.id} class="stop-card" aria-labelledby={`stop-${i}-title`}>
          <h2 class="stop-title" id={`stop-${i}-title`}>{t('stop.title', { n: i + 1 })}</h2>
          <div class="field">
            <label for={`stop-${i}-insee`}>{t('f.commune')}</label>
            <select id={`stop-${i}-insee`} value={stop.insee} onChange={(e) => {
              const c = communes.find((x) => x.insee === e.currentTarget.value);
              set(i, { insee: e.currentTarget.value, ...(c && !stop.lat && !stop.lon ? { lat: String(c.lat), lon: String(c.lon) } : {}) });
            }}>
              <option value="">—</option>
              {communes.map((c) => <option key={c.insee} value={c.insee}>{c.name}</option>)}
            </select>
            {err(i, 'insee') && <p class="field-error">✗ {err(i, 'insee')}</p>}
          </div>
          {input(i, 'meetingPoint', t('f.meetingPoint'))}
          <div class="field-pair">
            {input(i, 'lat', t('f.lat'))}
            {input(i, 'lon', t('f.lon'))}
          </div>
          <ScheduleEditor
            idPrefix={`stop-${i}-sched`} value={stop.schedule} label={t('f.schedule')} lang={lang.value}
            holidays={territory?.schoolHolidays} error={err(i, 'schedule')} onChange={(schedule) => set(i, { schedule })}
          />
          <button type="button" class="button button-quiet" onClick={() => onChange(stops.filter((_, j) => j !== i))}>
            {t('stop.remove')} ({i + 1})
          </button>
        </section>
      ))}
      <button type="button" class="button button-quiet" onClick={() => onChange([...stops, { id: newStopId(), insee: '', meetingPoint: '', lat: '', lon: '', schedule: '' }])}>
        {t('stop.add')}
      </button>
    </fieldset>
  );
}
