import { defineCatalogue, type Params, type Translate, type VocabSection } from '../../i18n/catalogue';
import { fr } from './fr';

// The staff space's catalogue (src/app/i18n/README.md): French in ./fr.ts, in the staff
// chunk; English in ./en.ts, a chunk of its own loaded when the language is English.

const catalogue = defineCatalogue<typeof fr>({ fr, en: () => import('./en').then((m) => m.en) });

export type StaffKey = keyof typeof fr.ui;
export type StaffParams = Params;
export type StaffT = Translate<typeof fr.ui>;
export type StaffVocab = VocabSection<typeof fr>;

/** The staff message in the interface language, `{name}` filled. */
export const staffT: StaffT = catalogue.t;

/** The label of a visit vocabulary slug (`visits` section); the slug itself when unknown. */
export const staffLabel: (section: StaffVocab, slug: string) => string = catalogue.label;

/** Whether a key built from data (`audit.${action}`) is a staff message. */
export function isStaffKey(key: string): key is StaffKey {
  return key in fr.ui;
}

/** For components: reading through it subscribes them to language changes. */
export function useStaffT(): StaffT {
  return staffT;
}
