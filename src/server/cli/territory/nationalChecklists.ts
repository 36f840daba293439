import type { Checklist } from '../../../shared/domain/checklist';
import type { LocalizedText } from '../../../shared/domain/common';
import type { TerritorySeed } from '../../../shared/domain/territorySeed';

// A new territory starts with the Civraisien's access-to-rights checklists: they describe
// national procedures (RSA, APL, carte Vitale, ANTS…), the same for every commune of
// France. What belongs to the Civraisien is taken out: the places to go (its France
// Services and town hall), the mentions of its towns and of the Vienne's CAF, MDPH and
// Carsat. Each record stays unreviewed (`reviewedAt: ''`), whatever the original says,
// since the text was changed. The check below refuses to copy a checklist that still
// names the source territory, so a new Civraisien-specific sentence cannot slip through.

export const CHECKLIST_SOURCE_TERRITORY = 'civraisien-en-poitou';

/** Exact sentences of the Civraisien checklists and their national wording ('' = drop). */
const REWRITES: readonly [string, string][] = [
  ['Un espace France Services peut vous aider. Celui de Gençay est confirmé ; les autres sont à confirmer.', 'Un espace France Services peut vous aider.'],
  ['A France Services site can help you. The one in Gençay is confirmed; the others are still to be confirmed.', 'A France Services site can help you.'],
  [
    'Station passeports confirmée à la mairie de Gençay. Les autres mairies équipées sont à vérifier sur ants.gouv.fr.',
    "Seules certaines mairies ont une station pour les cartes d'identité et les passeports : à vérifier sur ants.gouv.fr.",
  ],
  [
    'Passport station confirmed at Gençay town hall. Other equipped town halls are to be checked on ants.gouv.fr.',
    'Only some town halls have a station for identity cards and passports: check on ants.gouv.fr.',
  ],
  ['La mairie de Gençay a une station pour les passeports.', ''],
  ['Gençay town hall has a passport station.', ''],
  [' Station de Gençay : relevée sur une page non datée de la CdC (voir le lieu).', ''],
  [' Gençay station: taken from an undated page of the CdC (see the place).', ''],
  [' ; station de Gençay : civraisienpoitou.fr/communes/gencay (copie non datée, relue le 2026-11-22)', ''],
  ['(page locale de la CAF de la Vienne)', '(page locale de la CAF de votre département)'],
  ['(local page of the CAF de la Vienne)', "(local page of your département's CAF)"],
  ['règles actuelles de la CAF de la Vienne', 'règles actuelles de la CAF de votre département'],
  ['current rules of the CAF de la Vienne', "current rules of your département's CAF"],
  ['dans la Vienne, le régime général dépendrait de la Carsat Centre-Ouest.', 'quelle Carsat gère le régime général dans votre région.'],
  ['in the Vienne, the general scheme is said to be handled by Carsat Centre-Ouest.', 'which Carsat handles the general scheme in your region.'],
  ['Envoyer le dossier à la MDPH de la Vienne.', 'Envoyer le dossier à la MDPH de votre département.'],
  ['Send the file to the MDPH de la Vienne.', "Send the file to your département's MDPH."],
  ['adresse de la MDPH de la Vienne et antennes locales', 'adresse de la MDPH de votre département et antennes locales'],
  ['address of the MDPH de la Vienne and local offices', "address of your département's MDPH and local offices"],
];

/** The source checklists made national, for `territoryId`. Throws when one still names the source territory. */
export function nationalChecklists(source: TerritorySeed, territoryId: string): Checklist[] {
  const forbidden = placeWords(source);
  return source.checklists.map((c) => {
    const rewrite = (text: string) => REWRITES.reduce((t, [from, to]) => t.split(from).join(to), text);
    const localized = (t: LocalizedText | undefined): LocalizedText | undefined => {
      if (!t) return undefined;
      const fr = rewrite(t.fr).trim();
      if (!fr) return undefined;
      return t.en === undefined ? { fr } : { fr, en: rewrite(t.en).trim() };
    };
    const item = (i: Checklist['documents'][number]) => {
      const hint = localized(i.hint);
      return { id: i.id, label: localized(i.label)!, ...(hint ? { hint } : {}) };
    };
    const whereText = localized(c.whereToGo.text);
    const origin = rewrite(c.source ?? 'non donnée');
    const caveats = localized(c.caveats);
    const copy: Checklist = {
      ...c,
      // Record ids are unique per collection across every territory of a database.
      id: `${c.id}.${territoryId}`,
      territoryId,
      title: localized(c.title)!,
      forWhom: localized(c.forWhom)!,
      documents: c.documents.map(item),
      steps: c.steps.map(item),
      // No place of the new territory is known yet: the app offers the nearest places of
      // these categories instead, marked "à confirmer" until the office verifies them.
      whereToGo: { placeCategories: c.whereToGo.placeCategories, placeIds: [], ...(whereText ? { text: whereText } : {}) },
      ...(caveats ? { caveats } : {}),
      reviewedAt: '',
      source: `Procédure nationale reprise du territoire ${source.territory.id} (Escale), sans ses lieux ni ses mentions locales ; non relue pour ce territoire. Origine : ${origin}`,
    };
    if (!caveats) delete copy.caveats;
    // Check what came from the source: not the new id and territory (the new territory
    // may be called after a Civraisien town), nor the provenance, which names the source
    // on purpose (what it took from the original is checked).
    const { id: _id, territoryId: _territory, ...content } = copy;
    const leak = findPlaceWord({ ...content, source: origin }, forbidden, c.id);
    if (leak) {
      throw new Error(`Checklist ${c.id} of ${source.territory.id} still names "${leak.word}" at ${leak.path}: add its national wording to REWRITES in nationalChecklists.ts`);
    }
    return copy;
  });
}

/** Names that only make sense in the source territory: its communes, department, CdC, place ids. */
function placeWords(source: TerritorySeed): RegExp[] {
  const words = [
    ...source.territory.communes.map((c) => c.name),
    'Vienne', 'Civraisien', 'Civraisienne', 'Poitou', 'Poitiers', 'Centre-Ouest', 'civraisienpoitou',
    ...source.places.map((p) => p.id),
  ];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...words.map((w) => new RegExp(`(?<![\\p{L}\\d-])${escape(w)}(?![\\p{L}\\d-])`, 'iu')), /(?<!\d)86\d{3}(?!\d)/u];
}

function findPlaceWord(value: unknown, patterns: readonly RegExp[], path: string): { word: string; path: string } | undefined {
  if (typeof value === 'string') {
    for (const p of patterns) {
      const m = p.exec(value);
      if (m) return { word: m[0], path };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findPlaceWord(v, patterns, `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findPlaceWord(v, patterns, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}
