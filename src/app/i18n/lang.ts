import { signal } from '@preact/signals';

// The interface language, one signal for the three audiences (public, aidant, staff): every
// catalogue (./catalogue.ts) reads it, so @preact/signals re-renders a component that shows
// a message when it changes. French is the reference and travels with the code that shows
// it; each catalogue's English is a chunk of its own, loaded here when the language is
// English (most people never switch).

export type Lang = 'fr' | 'en';

export const lang = signal<Lang>('fr');

/** The English loaders of the catalogues loaded so far (one per catalogue, idempotent). */
const englishLoaders: (() => Promise<void>)[] = [];

/** A catalogue hands its English loader over when its module is evaluated. */
export function registerEnglish(load: () => Promise<void>): void {
  englishLoaders.push(load);
}

/**
 * Switches the interface language and the document's `lang` (screen readers use it). The
 * English of every catalogue loaded so far is loaded first, so no screen shows half French,
 * half English; applying the current language again loads the English of a catalogue that
 * came since (App.tsx, when a space's chunk arrives).
 */
export async function applyLanguage(next: Lang): Promise<void> {
  if (next === 'en') await Promise.all(englishLoaders.map((load) => load()));
  lang.value = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** BCP 47 locale for Intl formatting. */
export function locale(): string {
  return lang.value === 'en' ? 'en-GB' : 'fr-FR';
}
