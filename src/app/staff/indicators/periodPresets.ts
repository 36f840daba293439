import type { Period } from '../../../shared/indicators/filterPeriod';

// The period presets of the indicators, from today's Paris date (`YYYY-MM-DD`). Pure.

export type Preset = 'thisMonth' | 'last3' | 'thisYear';

const pad = (n: number) => String(n).padStart(2, '0');

export function presetPeriod(preset: Preset, today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisMonth':
      return { from: `${y}-${pad(m)}-01`, to: today };
    case 'last3': {
      // This month and the two before it, from the 1st.
      const start = new Date(Date.UTC(y, m - 3, 1));
      return { from: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-01`, to: today };
    }
    case 'thisYear':
      return { from: `${y}-01-01`, to: today };
  }
}

export const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
