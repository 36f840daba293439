import type { Period } from '../../../shared/indicators/filterPeriod';
import { useStaffT } from '../i18n/staffMessages';
import { presetPeriod, type Preset } from './periodPresets';

const PRESETS: Array<[Preset, 'ind.thisMonth' | 'ind.last3' | 'ind.thisYear']> = [['thisMonth', 'ind.thisMonth'], ['last3', 'ind.last3'], ['thisYear', 'ind.thisYear']];

/** The report's period: two dates, or one of the usual periods (pressed when it is the one shown). */
export function PeriodForm({ period, today, onChange }: { period: Period; today: string; onChange: (update: (p: Period) => Period) => void }) {
  const t = useStaffT();
  return (
    <form class="period" onSubmit={(e) => e.preventDefault()} aria-label={t('ind.period')}>
      <div class="field">
        <label for="ind-from">{t('ind.from')}</label>
        <input id="ind-from" type="date" value={period.from} onInput={(e) => { const from = e.currentTarget.value; onChange((p) => ({ ...p, from })); }} />
      </div>
      <div class="field">
        <label for="ind-to">{t('ind.to')}</label>
        <input id="ind-to" type="date" value={period.to} onInput={(e) => { const to = e.currentTarget.value; onChange((p) => ({ ...p, to })); }} />
      </div>
      {PRESETS.map(([preset, key]) => {
        const p = presetPeriod(preset, today);
        const active = p.from === period.from && p.to === period.to;
        return <button key={preset} type="button" class="button button-quiet" aria-pressed={active} onClick={() => onChange(() => p)}>{t(key)}</button>;
      })}
    </form>
  );
}
