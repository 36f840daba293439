/** Consecutive days that read the same ("8 h – 12 h", "fermé"), so a printed sheet says
 *  "du lundi au vendredi : 8 h – 12 h" on one line instead of five. A public holiday
 *  stays a line of its own, with its mark. Pure, for tests. */
export interface DayRun<D> {
  days: D[];
  text: string;
}

export function groupDays<D>(days: readonly D[], textOf: (day: D) => string, alone: (day: D) => boolean = () => false): DayRun<D>[] {
  const runs: DayRun<D>[] = [];
  let previousAlone = false;
  for (const day of days) {
    const text = textOf(day);
    const last = runs.at(-1);
    const single = alone(day);
    if (last && last.text === text && !single && !previousAlone) last.days.push(day);
    else runs.push({ days: [day], text });
    previousAlone = single;
  }
  return runs;
}
