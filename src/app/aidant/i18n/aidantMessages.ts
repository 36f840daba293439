import { defineCatalogue, type Params, type Translate, type VocabSection } from '../../i18n/catalogue';
import { plural, type PluralBase } from '../../i18n/plural';
import { fr } from './fr';

// The aidant space's catalogue (src/app/i18n/README.md): French in ./fr.ts, in the aidant
// chunk; English in ./en.ts, a chunk of its own loaded when the language is English.

const catalogue = defineCatalogue<typeof fr>({ fr, en: () => import('./en').then((m) => m.en) });

export type AidantKey = keyof typeof fr.ui;
export type AidantT = Translate<typeof fr.ui>;
export type AidantVocab = VocabSection<typeof fr>;

/** The aidant message in the interface language, `{name}` filled. */
export const at: AidantT = catalogue.t;

/** The bases of the aidant's counted messages (`pending.visits` for `pending.visits.one`…). */
export type AidantCounted = PluralBase<AidantKey>;

/** A counted aidant message, its form chosen by `count` (src/app/i18n/plural.ts). */
export const atCount = (base: AidantCounted, count: number, params?: Params): string => plural<typeof fr.ui, AidantCounted>(at, base, count, params);

/** A visit vocabulary's label (`themes`, `procedures`…) in the interface language. */
export const aidantLabel: (section: AidantVocab, slug: string) => string = catalogue.label;

/** Whether a key built from data (`kind.${mutation}`) is an aidant message. */
export function isAidantKey(key: string): key is AidantKey {
  return key in fr.ui;
}

/** For components: reading through it subscribes them to language changes. */
export function useAidantT(): AidantT {
  return at;
}
