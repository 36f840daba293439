// Rewrites `SH` (school holidays) in an opening_hours value into explicit date ranges, so
// the value no longer depends on the library's bundled school-holiday data.
//
//   'Mo-Fr 08:30-12:30; SH off'
//   → 'Mo-Fr 08:30-12:30; 2027 Oct 23-2027 Nov 07,2027 Dec 18-2028 Jan 02 off'
//
// Why this works: in the opening_hours grammar `SH` and a list of dated ranges are both
// "wide range" selectors at the head of a rule, so one can stand in for the other and the
// rule keeps its place, hence its precedence, in the value.
//
// A list such as `PH,SH off` or `Sa,SH 10:00-12:00` cannot mix dates with holiday/weekday
// names, so that rule is split in two normal rules, `PH off; <ranges> off`. This is the same
// thing for `;`-separated rules (each one takes over the whole days it selects). Anything
// else (SH elsewhere in a selector) is reported as unsupported and the caller keeps the
// library's own data.
//
// Hazard: the ranges say nothing outside the calendar's coverage (the library would read
// "not a school holiday"), so evaluation must clamp to the coverage first (openIntervals.ts).

import type { SchoolHoliday } from './SchoolHoliday';
import { parseCalendarDate } from './calendarDate';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Selector names that can share a comma list with SH (holidays and weekdays, with an
// optional [n] occurrence or a day range): those are the lists we know how to split.
const LIST_ITEM = /^(PH|(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(\[[-0-9,]+\])?)$/i;

/** True when the value selects on school holidays (outside comments). */
export function usesSchoolHolidays(value: string): boolean {
  return splitRules(value).some((rule) => findShToken(rule.text) !== undefined);
}

export type RewriteResult = { ok: true; value: string } | { ok: false; error: string };

/** `value` with every `SH` replaced by the holidays' dates; `holidays` must be non-empty. */
export function rewriteSchoolHolidays(value: string, holidays: readonly SchoolHoliday[]): RewriteResult {
  const ranges = holidays.map(formatRange).join(',');
  let out = '';
  for (const rule of splitRules(value)) {
    const rewritten = rewriteRule(rule.text, ranges);
    if (rewritten === undefined) {
      return { ok: false, error: `SH is only supported at the head of a rule, alone or with PH or weekdays: "${rule.text.trim()}"` };
    }
    out += rewritten + rule.separator;
  }
  return { ok: true, value: out };
}

function rewriteRule(rule: string, ranges: string): string | undefined {
  const token = findShToken(rule);
  if (!token) return rule;
  const before = rule.slice(0, token.start);
  const after = rule.slice(token.end);
  const others = token.items.filter((item) => item.toUpperCase() !== 'SH');
  if (others.length === 0) return rewriteRule(before + ranges + token.suffix + after, ranges);
  if (!others.every((item) => LIST_ITEM.test(item))) return undefined;
  const withoutSh = rewriteRule(before + others.join(',') + token.suffix + after, ranges);
  const onlySh = rewriteRule(before + ranges + token.suffix + after, ranges);
  if (withoutSh === undefined || onlySh === undefined) return undefined;
  return `${withoutSh.trimEnd()}; ${onlySh.trimStart()}`;
}

function formatRange(holiday: SchoolHoliday): string {
  const from = formatDate(holiday.from);
  return holiday.from === holiday.to ? from : `${from}-${formatDate(holiday.to)}`;
}

function formatDate(date: string): string {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`); // checked by checkSchoolHolidays
  return `${parsed.year} ${MONTHS[parsed.month - 1]} ${String(parsed.day).padStart(2, '0')}`;
}

interface Rule {
  text: string;
  separator: string;
}

/** Splits at the rule separators `;` and `||`, ignoring those inside "comments". */
function splitRules(value: string): Rule[] {
  const rules: Rule[] = [];
  let start = 0;
  let inComment = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '"') inComment = !inComment;
    if (inComment) continue;
    const separator = char === ';' ? ';' : value.startsWith('||', i) ? '||' : undefined;
    if (separator) {
      rules.push({ text: value.slice(start, i), separator });
      i += separator.length - 1;
      start = i + 1;
    }
  }
  rules.push({ text: value.slice(start), separator: '' });
  return rules;
}

interface ShToken {
  start: number;
  end: number;
  items: string[];
  suffix: string; // a trailing ':' ("SH: 10:00-12:00") kept in place
}

/** The first whitespace-delimited token outside comments whose comma list holds `SH`. */
function findShToken(rule: string): ShToken | undefined {
  const tokenPattern = /"[^"]*"?|[^\s"]+/g;
  for (let match = tokenPattern.exec(rule); match; match = tokenPattern.exec(rule)) {
    const text = match[0];
    if (text.startsWith('"')) continue;
    const suffix = text.endsWith(':') ? ':' : '';
    const items = splitList(suffix ? text.slice(0, -1) : text);
    if (items.some((item) => item.toUpperCase() === 'SH')) {
      return { start: match.index, end: match.index + text.length, items, suffix };
    }
  }
  return undefined;
}

/** Splits at commas outside brackets, so `Tu[1,3],SH` gives `Tu[1,3]` and `SH`. */
function splitList(token: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < token.length; i++) {
    const char = token[i];
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === ',' && depth === 0) {
      items.push(token.slice(start, i));
      start = i + 1;
    }
  }
  items.push(token.slice(start));
  return items;
}
