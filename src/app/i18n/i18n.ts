import { signal } from '@preact/signals';
import { fr, type Catalogue, type ScreensCatalogue, type UiKey, type VocabSection } from './fr';

// The interface language. The French shell-and-home messages are in the entry chunk; the
// other screens' French messages come with those screens (./screens registers them);
// English is loaded whole, on demand (most people never switch). Components read the
// language through t(), so @preact/signals re-renders them when it changes.

export type Lang = 'fr' | 'en';
type Full = Catalogue & ScreensCatalogue;
type Merged = { [S in keyof Full]: Record<string, string> };

export const lang = signal<Lang>('fr');

const frParts: Partial<Merged>[] = [fr];
let enParts: Partial<Merged>[] | undefined;
const current = signal<Merged>(merge(frParts));

function merge(parts: readonly Partial<Merged>[]): Merged {
  const out: Partial<Merged> = {};
  for (const part of parts) {
    for (const [section, values] of Object.entries(part) as [keyof Merged, Record<string, string>][]) {
      out[section] = { ...out[section], ...values };
    }
  }
  return out as Merged;
}

/** Called once by ./screens when the first screen beyond home loads. */
export function registerFrenchScreens(messages: ScreensCatalogue): void {
  if (frParts.length > 1) return;
  frParts.push(messages);
  if (lang.value === 'fr') current.value = merge(frParts);
}

export type Params = Record<string, string | number>;

export function t(key: UiKey, params?: Params): string {
  const text = current.value.ui[key] ?? key;
  return params ? fill(text, params) : text;
}

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The plain-words label of a vocabulary slug; the slug itself if no catalogue has it. */
export function label(section: VocabSection, slug: string): string {
  return current.value[section]?.[slug] ?? slug;
}

/** For components: the same function; reading through it subscribes to the language. */
export function useT(): typeof t {
  return t;
}

async function loadEnglish(): Promise<Partial<Merged>[]> {
  if (enParts) return enParts;
  const [{ en }, { enScreens }] = await Promise.all([import('./en'), import('./enScreens')]);
  enParts = [en, enScreens];
  return enParts;
}

/** Switches the interface language and the document's `lang` (screen readers use it). */
export async function applyLanguage(next: Lang): Promise<void> {
  const parts = next === 'en' ? await loadEnglish() : frParts;
  current.value = merge(parts);
  lang.value = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** BCP 47 locale for Intl formatting. */
export function locale(): string {
  return lang.value === 'en' ? 'en-GB' : 'fr-FR';
}
