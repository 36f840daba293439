import { signal } from '@preact/signals';
import { render } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import type { User } from '../../../src/shared/domain/user';
import { COLLECTION_SCHEMAS, type Collection, type EditableCollection, type RecordOf } from '../../../src/shared/sync/collections';
import { AppContext } from '../../../src/app/services/services';
import { createMemoryServices } from '../../../src/app/services/memoryServices';
import type { ConflictRow, Device, StaffServices } from '../../../src/app/services/staffServices';
import { createAppState } from '../../../src/app/state/appState';
import { StaffSpace } from '../../../src/app/staff/StaffSpace';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';

// In-memory twin of StaffServices for the staff screen tests: the replica as maps, the
// writes recorded (and parsed with the shared schemas, as the real layer does).

export interface WriteCall {
  kind: 'create' | 'edit' | 'delete' | 'resolveCorrection';
  collection?: string;
  id: string;
  baseVersion?: number;
  record?: unknown;
  patch?: Record<string, unknown>;
  status?: string;
}

export const STAFF_USER: User = { id: 'staff-1', login: 'bureau', displayName: 'Bureau Civray', role: 'admin', territoryId: seed.territory.id, disabled: false };

export function createMemoryStaff(options: { user?: User; conflicts?: ConflictRow[]; records?: Partial<Record<Collection, unknown[]>> } = {}) {
  const rows = new Map<Collection, Map<string, { record: unknown; version: number; pending: boolean }>>();
  const put = (c: Collection, record: unknown, version: number, pending = false) => {
    if (!rows.has(c)) rows.set(c, new Map());
    rows.get(c)!.set((record as { id: string }).id, { record, version, pending });
  };
  put('territory', seed.territory, 1);
  for (const p of seed.places) put('place', p, 1);
  for (const t of seed.tours) put('tour', t, 1);
  for (const m of seed.mobility) put('mobility', m, 1);
  for (const c of seed.checklists) put('checklist', c, 1);
  for (const [c, list] of Object.entries(options.records ?? {})) for (const r of list ?? []) put(c as Collection, r, 1);
  const listeners = new Set<(changed?: ReadonlySet<string>) => void>();
  const notify = () => listeners.forEach((l) => l(undefined));
  const calls: WriteCall[] = [];
  let conflicts = [...(options.conflicts ?? [])];
  const devices: Device[] = [];
  const list = <C extends Collection>(c: C) => [...(rows.get(c)?.values() ?? [])] as Array<{ record: RecordOf<C>; version: number; pending: boolean }>;
  const account = signal<User | undefined>(options.user ?? STAFF_USER);
  let mutationId = 100;
  const staff: StaffServices = {
    directory: {
      territory: async () => seed.territory,
      list: async (c) => list(c),
      versionOf: async (c, id) => rows.get(c)?.get(id)?.version,
      visits: async () => list('visit').map((r) => r.record),
      sessions: async () => list('session').map((r) => r.record),
      tours: async () => list('tour').map((r) => r.record),
      places: async () => list('place').map((r) => r.record),
      onChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
    writes: {
      async createRecord(collection, record) {
        const parsed = COLLECTION_SCHEMAS[collection].parse(record);
        calls.push({ kind: 'create', collection, id: parsed.id, record: parsed });
        put(collection, parsed, 0, true);
        notify();
        return ++mutationId;
      },
      async editRecord(collection: EditableCollection, id: string, baseVersion: number, patch: Record<string, unknown>) {
        const row = rows.get(collection)?.get(id);
        if (!row) throw new Error('not found');
        const merged = { ...(row.record as object), ...patch };
        const parsed = COLLECTION_SCHEMAS[collection].parse(JSON.parse(JSON.stringify(merged)));
        calls.push({ kind: 'edit', collection, id, baseVersion, patch });
        put(collection, parsed, row.version, true);
        notify();
        return ++mutationId;
      },
      /** All or nothing, as the data layer: every change is checked before any is kept. */
      async writeRecords(changes) {
        for (const [i, c] of changes.entries()) {
          const parsed = c.op === 'create'
            ? COLLECTION_SCHEMAS[c.collection].safeParse(c.record)
            : rows.get(c.collection)?.get(c.id) ? COLLECTION_SCHEMAS[c.collection].safeParse(JSON.parse(JSON.stringify({ ...(rows.get(c.collection)!.get(c.id)!.record as object), ...c.patch }))) : undefined;
          if (!parsed?.success) throw Object.assign(new Error('refusé'), { index: i });
        }
        const ids: number[] = [];
        for (const c of changes) {
          ids.push(c.op === 'create' ? await staff.writes.createRecord(c.collection, c.record) : await staff.writes.editRecord(c.collection, c.id, c.baseVersion, c.patch as never));
        }
        return ids;
      },
      async deleteRecord(collection, id, baseVersion) {
        calls.push({ kind: 'delete', collection, id, baseVersion });
        rows.get(collection)?.delete(id);
        notify();
        return ++mutationId;
      },
      async resolveCorrection(id, status) {
        calls.push({ kind: 'resolveCorrection', id, status });
        const row = rows.get('correction')?.get(id);
        if (row) put('correction', { ...(row.record as object), status }, row.version, true);
        notify();
        return ++mutationId;
      },
    },
    issues: {
      conflicts: async () => conflicts.filter((c) => !c.resolvedAt),
      async resolveConflict(id) {
        conflicts = conflicts.map((c) => (c.mutationId === id ? { ...c, resolvedAt: 'now' } : c));
        calls.push({ kind: 'edit', id: `resolve:${id}` });
        notify();
      },
      async reapply(id) {
        conflicts = conflicts.map((c) => (c.mutationId === id ? { ...c, resolvedAt: 'now' } : c));
        calls.push({ kind: 'edit', id: `reapply:${id}` });
        notify();
        return ++mutationId;
      },
    },
    account,
    login: async () => account.value!,
    logout: async () => void (account.value = undefined),
    pendingCount: async () => calls.length,
    admin: {
      accounts: async () => [STAFF_USER],
      createAccount: async (a) => ({ ...STAFF_USER, id: a.login, login: a.login, displayName: a.displayName, role: a.role }),
      setDisabled: async () => STAFF_USER,
      devices: async () => devices,
      revokeDevice: async () => undefined,
      audit: async () => ({ entries: [], nextBefore: null }),
      readNote: async (visitId) => ({ visitId, aidantId: 'aidant', receivedAt: NOW.toISOString(), note: 'Note de test' }),
      eraseNote: async () => undefined,
    },
  };
  return { staff, calls, put, notify };
}

/** Tuesday 1 December 2026, 09:00 in Paris. */
export const NOW = new Date('2026-12-01T08:00:00Z');

/** The staff space at `url` on the twins. */
export function renderStaff(url: string, staff: StaffServices, now: Date = NOW) {
  history.replaceState(null, '', url);
  const services = { ...createMemoryServices({ territory: seed.territory }, { now: () => now }), staff };
  const state = createAppState(services);
  return render(
    <AppContext.Provider value={{ services, state }}>
      <LocationProvider>
        <StaffSpace />
      </LocationProvider>
    </AppContext.Provider>,
  );
}

export { seed };
