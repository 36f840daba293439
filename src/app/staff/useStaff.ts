import { useEffect, useState } from 'preact/hooks';
import type { Collection, RecordOf } from '../../shared/sync/collections';
import { useServices } from '../services/services';
import type { StaffServices } from '../services/staffServices';
import { touches } from '../../shared/sync/changedCollections';

/** The staff repositories; the staff space renders only when they exist. */
export function useStaff(): StaffServices {
  const staff = useServices().staff;
  if (!staff) throw new Error('staff services missing');
  return staff;
}

export interface Row<C extends Collection> {
  record: RecordOf<C>;
  version: number;
  pending: boolean;
}

/**
 * A collection of the replica, re-read after every change (a pulled page, a local edit).
 * Undefined while the first read runs.
 */
export function useCollection<C extends Collection>(collection: C): Row<C>[] | undefined {
  const { directory } = useStaff();
  const [rows, setRows] = useState<Row<C>[] | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const load = () => void directory.list(collection).then((r) => alive && setRows(r as Row<C>[]));
    load();
    const off = directory.onChange((changed) => {
      if (touches(changed, [collection])) load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [directory, collection]);
  return rows;
}

/** Any async read, redone on every replica change. */
export function useReplica<T>(read: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const { directory } = useStaff();
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const load = () => void read().then((v) => alive && setValue(v));
    load();
    const off = directory.onChange(load);
    return () => {
      alive = false;
      off();
    };
  }, [directory, ...deps]);
  return value;
}

/** Today's Paris calendar date, `YYYY-MM-DD`. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
