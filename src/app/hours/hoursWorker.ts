import type { SchoolHolidayPeriod } from '../../shared/domain/territory';
import { passagesOf, statusOf, weekOf } from './hoursApi';
import type { HoursRequest, HoursAnswer } from './hoursEvaluator';

// The opening-hours evaluation of the public screens' badges and bus passages, in a
// dedicated worker (hoursEvaluator.ts): the opening_hours library's chunk is compiled and
// warmed up here, off the main thread (its first parse costs 150–300 ms at 4× CPU in one
// piece, whatever the slicing: Lighthouse's Total Blocking Time).

interface WorkerScope {
  onmessage: ((event: MessageEvent<HoursRequest>) => void) | null;
  postMessage(message: HoursAnswer): void;
}
const scope = self as unknown as WorkerScope;

// Each message brings its own copy of the school-holiday calendar; hoursApi.ts keeps its
// parsed values per calendar object, so equal calendars are made one object again.
const calendars = new Map<string, readonly SchoolHolidayPeriod[]>();
function calendar(holidays: readonly SchoolHolidayPeriod[] | undefined): readonly SchoolHolidayPeriod[] | undefined {
  if (!holidays) return undefined;
  const key = JSON.stringify(holidays);
  let kept = calendars.get(key);
  if (!kept) calendars.set(key, (kept = holidays));
  return kept;
}

scope.onmessage = ({ data: request }) => {
  try {
    const holidays = calendar(request.holidays);
    const result = request.op === 'status' ? statusOf(request.value, request.at, holidays)
      : request.op === 'week' ? weekOf(request.value, request.at, holidays)
      : passagesOf(request.value, request.at, request.count, holidays);
    scope.postMessage({ id: request.id, result });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
