// The simple form of a stop's schedule ("Tuesday, 1st and 3rd of the month, 09:30–12:00,
// not on public holidays") ↔ the OSM opening_hours string the app evaluates
// (`Tu[1,3] 09:30-12:00; PH off`). Pure: the form writes with buildSchedule and reads an
// existing string back with parseSchedule; anything richer is edited as text.

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const FREQUENCIES = ['every', '1-3', '2-4', '1', '2', '3', '4', 'last'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface SimpleSchedule {
  weekday: Weekday;
  frequency: Frequency;
  /** `HH:MM`, 24-hour. */
  from: string;
  to: string;
  /** Adds `; PH off`: no passage on public holidays. */
  holidaysOff: boolean;
}

const NTH: Record<Frequency, string> = { every: '', '1-3': '[1,3]', '2-4': '[2,4]', 1: '[1]', 2: '[2]', 3: '[3]', 4: '[4]', last: '[-1]' };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Undefined when the times are not `HH:MM` or the end is not after the start. */
export function buildSchedule(s: SimpleSchedule): string | undefined {
  if (!TIME.test(s.from) || !TIME.test(s.to) || s.to <= s.from) return undefined;
  return `${s.weekday}${NTH[s.frequency]} ${s.from}-${s.to}${s.holidaysOff ? '; PH off' : ''}`;
}

const PATTERN = /^(Mo|Tu|We|Th|Fr|Sa|Su)(\[1,3\]|\[2,4\]|\[[1-4]\]|\[-1\])? ((?:[01]\d|2[0-3]):[0-5]\d)-((?:[01]\d|2[0-3]):[0-5]\d)(; ?PH off)?$/;

/** The simple form of a string, or undefined when the string says more than the form can. */
export function parseSchedule(value: string): SimpleSchedule | undefined {
  const m = PATTERN.exec(value.trim());
  if (!m) return undefined;
  const frequency = (Object.entries(NTH) as [Frequency, string][]).find(([, v]) => v === (m[2] ?? ''))?.[0];
  if (!frequency || m[4]! <= m[3]!) return undefined;
  return { weekday: m[1] as Weekday, frequency, from: m[3]!, to: m[4]!, holidaysOff: m[5] !== undefined };
}
