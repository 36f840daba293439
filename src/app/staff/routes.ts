import type { EditableCollection } from '../../shared/sync/collections';
import type { StaffKey } from './i18n/staffMessages';

/** Where each editable collection lives under /bureau. */
export const COLLECTION_PATHS: Record<EditableCollection, string> = {
  place: 'lieux',
  mobility: 'transports',
  checklist: 'demarches',
  tour: 'tournees',
};

export const COLLECTION_NAV: Record<EditableCollection, StaffKey> = {
  place: 'nav.places',
  mobility: 'nav.mobility',
  checklist: 'nav.checklists',
  tour: 'nav.tours',
};

export const collectionHref = (c: EditableCollection, id?: string) =>
  `/bureau/${COLLECTION_PATHS[c]}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

export type StaffRoute =
  | { screen: 'home' }
  | { screen: 'list'; collection: EditableCollection }
  | { screen: 'edit'; collection: EditableCollection; id?: string; correction?: string }
  | { screen: 'conflicts' | 'corrections' | 'transfer' | 'indicators' | 'admin' | 'notes' }
  | { screen: 'notFound' };

const SIMPLE = { conflits: 'conflicts', corrections: 'corrections', import: 'transfer', indicateurs: 'indicators', comptes: 'admin', notes: 'notes' } as const;

/** `/bureau/lieux/abc?correction=…` → which screen. */
export function parseStaffRoute(path: string, query: Record<string, string | undefined> = {}): StaffRoute {
  const parts = path.replace(/^\/bureau\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { screen: 'home' };
  const [first, second] = parts;
  if (first && first in SIMPLE && parts.length === 1) return { screen: SIMPLE[first as keyof typeof SIMPLE] };
  const collection = (Object.entries(COLLECTION_PATHS) as [EditableCollection, string][]).find(([, p]) => p === first)?.[0];
  if (!collection || parts.length > 2) return { screen: 'notFound' };
  if (second === undefined) return { screen: 'list', collection };
  return {
    screen: 'edit', collection,
    ...(second === 'nouveau' ? {} : { id: second }),
    ...(query.correction ? { correction: query.correction } : {}),
  };
}
