import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusFacts } from '../../../src/app/replica/deriveStatus';

const base: StatusFacts = { online: true, syncing: false, pending: 0, conflicts: 0, rejections: 0, storageFull: false, failing: false };
const at = new Date('2026-11-22T10:00:00Z');

describe('deriveStatus', () => {
  it('up to date, pending, syncing, offline', () => {
    expect(deriveStatus({ ...base, lastSyncedAt: at })).toEqual({ kind: 'upToDate', at });
    expect(deriveStatus({ ...base, pending: 3, lastSyncedAt: at })).toEqual({ kind: 'pending', pending: 3, lastSyncedAt: at });
    expect(deriveStatus({ ...base, syncing: true, pending: 2 })).toEqual({ kind: 'syncing', pending: 2 });
    expect(deriveStatus({ ...base, online: false, pending: 2 })).toEqual({ kind: 'offline', pending: 2 });
    expect(deriveStatus({ ...base, failing: true, pending: 1 })).toEqual({ kind: 'offline', pending: 1 });
  });
  it('action needed comes first, in order of urgency', () => {
    expect(deriveStatus({ ...base, conflicts: 2, rejections: 1 })).toEqual({ kind: 'actionNeeded', reason: 'conflict', count: 2 });
    expect(deriveStatus({ ...base, rejections: 1, online: false })).toEqual({ kind: 'actionNeeded', reason: 'rejected', count: 1 });
    expect(deriveStatus({ ...base, storageFull: true, conflicts: 1 })).toMatchObject({ reason: 'storageFull' });
    expect(deriveStatus({ ...base, authProblem: 'sessionExpired', pending: 4 })).toEqual({ kind: 'actionNeeded', reason: 'sessionExpired', count: 4 });
    expect(deriveStatus({ ...base, authProblem: 'deviceRevoked', storageFull: true })).toMatchObject({ reason: 'deviceRevoked' });
  });
});
