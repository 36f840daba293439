import type { ConflictRow } from '../../services/staffServices';
import { EDITABLE_COLLECTIONS, type EditableCollection } from '../../../shared/sync/collections';

// A conflict as fields, for the side-by-side view: what this device wanted (the patch of
// the refused edit) against the server's current record. Pure.

export interface ConflictField {
  field: string;
  mine: unknown;
  theirs: unknown;
  same: boolean;
}

export interface ConflictView {
  mutationId: number;
  collection: EditableCollection | undefined;
  recordId: string;
  action: 'update' | 'delete' | 'create' | 'other';
  /** The server's record now; undefined when it was deleted there. */
  theirs: Record<string, unknown> | undefined;
  serverVersion: number | undefined;
  fields: ConflictField[];
}

export function conflictView(row: ConflictRow): ConflictView {
  const [entity, rest] = row.name.split('.');
  const action = (rest?.split('@')[0] ?? 'other') as ConflictView['action'];
  const collection = (EDITABLE_COLLECTIONS as readonly string[]).includes(row.collection ?? entity ?? '')
    ? ((row.collection ?? entity) as EditableCollection) : undefined;
  const args = (row.args ?? {}) as { id?: string; patch?: Record<string, unknown>; record?: Record<string, unknown> };
  const theirs = row.current?.record && typeof row.current.record === 'object' ? (row.current.record as Record<string, unknown>) : undefined;
  const mine = args.patch ?? args.record ?? {};
  const fields = Object.keys(mine)
    .filter((f) => f !== 'id')
    .map((field) => {
      const m = mine[field] ?? undefined;
      const t = theirs?.[field];
      return { field, mine: m, theirs: t, same: JSON.stringify(m ?? null) === JSON.stringify(t ?? null) };
    });
  return {
    mutationId: row.mutationId, collection, recordId: args.id ?? row.recordId ?? '',
    action: ['update', 'delete', 'create'].includes(action) ? action : 'other',
    theirs, serverVersion: row.current?.version, fields,
  };
}

/** A value as people read it: text as is, lists joined, objects as short JSON. */
export function showValue(value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? value.join(', ') : empty;
  if (typeof value === 'object' && value !== null && 'fr' in value && Object.keys(value).every((k) => k === 'fr' || k === 'en')) {
    const v = value as { fr: string; en?: string };
    return v.en ? `${v.fr}\n(en) ${v.en}` : v.fr;
  }
  return JSON.stringify(value, null, 1);
}
