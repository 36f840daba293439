// Default slug and name of a territory made from an EPCI, from the DGCL's short names
// ("CC du Civraisien en Poitou" → `civraisien-en-poitou`, "Communauté de communes du
// Civraisien en Poitou"): what the hand-written Civraisien seed uses.

/** Longest slug the command accepts: record ids add `checklist-….<slug>` within 100 characters. */
export const MAX_SLUG_LENGTH = 50;

const TYPE_WORDS: Record<string, string> = {
  CC: 'Communauté de communes',
  CA: "Communauté d'agglomération",
  CU: 'Communauté urbaine',
};

/** "CC du X" → "Communauté de communes du X"; métropoles keep their name. */
export function fullEpciName(shortName: string): string {
  const m = /^(CC|CA|CU)\s+(.*)$/.exec(shortName);
  return m ? `${TYPE_WORDS[m[1]!]} ${m[2]}` : shortName;
}

/** A territory id from a name: lowercase ASCII words joined by `-`, at most MAX_SLUG_LENGTH. */
export function slugFromName(name: string): string {
  const core = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:CC|CA|CU|Métropole|Communauté (?:de communes|d'agglomération|urbaine))\s+/i, '')
    .replace(/^(?:du|des|de la|de l['’]|d['’]|de)\s*/i, '');
  const slug = core
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-')).replace(/-+$/, '');
}

/** The seed's export name: `civraisien-en-poitou` → `civraisienEnPoitouSeed`. */
export function seedExportName(slug: string): string {
  const camel = slug.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
  return /^\d/.test(camel) ? `territory${camel}Seed` : `${camel}Seed`;
}
