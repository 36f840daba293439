import { signal } from '@preact/signals';
import { fr, type Catalogue, type UiKey } from './fr';

// The interface language. French is in the entry chunk; English is loaded on demand
// (most people never switch). Components read `lang.value` through t(), so the
// @preact/signals integration re-renders them when the language changes.

export type Lang = 'fr' | 'en';

export const lang = signal<Lang>('fr');
const catalogues: Partial<Record<Lang, Catalogue>> = { fr };
const current = signal<Catalogue>(fr);

export type Params = Record<string, string | number>;

export function t(key: UiKey, params?: Params): string {
  const text = current.value.ui[key] ?? fr.ui[key];
  return params ? fill(text, params) : text;
}

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type VocabSection = Exclude<keyof Catalogue, 'ui'>;

/** The plain-words label of a vocabulary slug; the slug itself if a catalogue lacks it. */
export function label(section: VocabSection, slug: string): string {
  const labels = current.value[section] as Record<string, string>;
  return labels[slug] ?? (fr[section] as Record<string, string>)[slug] ?? slug;
}

/** For components: the same functions; reading through them subscribes to the language. */
export function useT(): typeof t {
  return t;
}

async function loadCatalogue(next: Lang): Promise<Catalogue> {
  const known = catalogues[next];
  if (known) return known;
  const { en } = await import('./en');
  catalogues.en = en;
  return en;
}

/** Switches the interface language and the document's `lang` (screen readers use it). */
export async function applyLanguage(next: Lang): Promise<void> {
  const catalogue = await loadCatalogue(next);
  current.value = catalogue;
  lang.value = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** BCP 47 locale for Intl formatting. */
export function locale(): string {
  return lang.value === 'en' ? 'en-GB' : 'fr-FR';
}
