import type { ReadonlySignal } from '@preact/signals';
import type { User } from '../../shared/domain/user';
import type { AdminApi } from '../data/adminApi';
import type { Issues } from '../data/issues';
import type { LocalWrites } from '../data/localWrites';
import type { ReplicaReader } from '../data/replicaReader';

export type { AdminApi, Device, NewAccount } from '../data/adminApi';
export type { ConflictRow } from '../data/db';

/**
 * What the staff space (/bureau) needs beyond the public Services: the replica with
 * versions, the versioned writes, the conflicts, the account and the admin endpoints.
 * Built from the data layer in wiring.ts; tests hand an in-memory twin
 * (tests/unit/staff/memoryStaff.ts).
 */
export interface StaffServices {
  directory: Pick<ReplicaReader, 'territory' | 'list' | 'versionOf' | 'visits' | 'sessions' | 'tours' | 'places' | 'onChange'>;
  writes: Pick<LocalWrites, 'createRecord' | 'editRecord' | 'deleteRecord' | 'resolveCorrection' | 'writeRecords'>;
  issues: Pick<Issues, 'conflicts' | 'resolveConflict' | 'reapply'>;
  account: ReadonlySignal<User | undefined>;
  login(login: string, password: string): Promise<User>;
  logout(): Promise<void>;
  pendingCount(): Promise<number>;
  admin: AdminApi;
}
