import type { LocalizedText } from '../../shared/domain/common';
import { lang } from './i18n';

/** A piece of content in the interface language when translated, French otherwise, with
 *  the language it is actually in (for a `lang` attribute screen readers follow). */
export function localized(text: LocalizedText | undefined): { text: string; lang: 'fr' | 'en' } | undefined {
  if (!text) return undefined;
  if (lang.value === 'en' && text.en) return { text: text.en, lang: 'en' };
  return { text: text.fr, lang: 'fr' };
}
