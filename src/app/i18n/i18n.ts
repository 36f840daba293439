import { defineCatalogue, merge, type Catalogue, type VocabSection } from './catalogue';
import { fr } from './fr';
import type { frScreens } from './frScreens';

// The public catalogue: the shell and the inhabitants' screens (also the vocabulary labels
// the aidant and staff spaces show). Its French is in two halves to keep the first screen
// small: fr.ts (the shell and the home, in the entry chunk) and frScreens.ts (the other
// screens, registered by ./screens when the first of them loads). Its English is one
// chunk pair, en.ts + enScreens.ts, loaded when the language is English.

export { applyLanguage, lang, locale, type Lang } from './lang';
export type { Params } from './catalogue';

type PublicFrench = typeof fr & typeof frScreens;
export type UiKey = keyof PublicFrench['ui'];
export type PublicVocab = VocabSection<PublicFrench>;

const catalogue: Catalogue<PublicFrench> = defineCatalogue<PublicFrench>({
  fr,
  en: () => Promise.all([import('./en'), import('./enScreens')]).then(([{ en }, { enScreens }]) => merge(en, enScreens)),
});

/** A public message in the interface language, `{name}` filled. */
export const t = catalogue.t;

/** The plain-words label of a vocabulary slug; the slug itself if no catalogue has it. */
export const label: (section: PublicVocab, slug: string) => string = catalogue.label;

/** Called once by ./screens when the first screen beyond home loads. */
export function registerFrenchScreens(messages: typeof frScreens): void {
  catalogue.addFrench(messages);
}

/** For components: the same function; reading through it subscribes to the language. */
export function useT(): typeof t {
  return t;
}
