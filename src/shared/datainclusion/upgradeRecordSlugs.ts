import { readSlugs, type VocabularyName } from './slugAliases';

// Records written before Escale moved to data·inclusion v1 (a database or a tablet from
// then) may still hold older slugs, which today's schemas refuse. This rewrites them as
// the import reads them, so nothing a staff member entered is lost on the update: each
// old slug becomes its v1 counterpart(s); a slug with no counterpart is dropped (the
// caller reports how many records changed).

type Json = Record<string, unknown>;

function upgradeList(vocabulary: VocabularyName, value: unknown): { value: unknown; changed: boolean } {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { value, changed: false };
  const { kept } = readSlugs<string>(vocabulary, value);
  const changed = kept.length !== value.length || kept.some((slug, i) => slug !== value[i]);
  return { value: changed ? kept : value, changed };
}

const PLACE_FIELDS: ReadonlyArray<[string, VocabularyName]> = [
  ['reseauxPorteurs', 'reseaux_porteurs'],
  ['thematiques', 'thematiques'],
  ['publics', 'publics'],
  ['frais', 'frais'],
  ['modesAccueil', 'modes_accueil'],
];

/** The place with v1 slugs, or null when it already had only v1 slugs. */
export function upgradePlaceSlugs(place: Json): Json | null {
  let changed = false;
  const next: Json = { ...place };
  for (const [field, vocabulary] of PLACE_FIELDS) {
    if (!(field in place)) continue;
    const r = upgradeList(vocabulary, place[field]);
    if (r.changed) { next[field] = r.value; changed = true; }
  }
  if (Array.isArray(place.services)) {
    const services = place.services.map((s: unknown) => {
      if (typeof s !== 'object' || s === null || !('thematiques' in s)) return s;
      const r = upgradeList('thematiques', (s as Json).thematiques);
      if (!r.changed) return s;
      changed = true;
      return { ...(s as Json), thematiques: r.value };
    });
    if (changed) next.services = services;
  }
  return changed ? next : null;
}

/** The checklist with a v1 partner slug (or none), or null when nothing changed. */
export function upgradeChecklistSlugs(checklist: Json): Json | null {
  const partner = checklist.partner;
  if (typeof partner !== 'string') return null;
  const [slug] = readSlugs<string>('reseaux_porteurs', [partner]).kept;
  if (slug === partner) return null;
  const next: Json = { ...checklist };
  if (slug === undefined) delete next.partner;
  else next.partner = slug;
  return next;
}
