import { lang } from '../../i18n/i18n';

/** "Français (fr)": the language's name in the interface language, the code when unknown. */
export const languageName = (code: string) => {
  try {
    const name = new Intl.DisplayNames([lang.value], { type: 'language' }).of(code) ?? code;
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${code})`;
  } catch {
    return code;
  }
};
