import { applyLanguage, lang, t } from '../i18n/i18n';
import { useServices } from '../services/services';
import { Icon } from './Icon';

/** FR ⇄ EN, kept in Preferences so the next visit opens in the same language. */
export function LanguageSwitch() {
  const { preferences } = useServices();
  const next = lang.value === 'fr' ? 'en' : 'fr';
  const onClick = async () => {
    await applyLanguage(next);
    await preferences.setLanguage(next).catch(() => undefined);
  };
  return (
    <button type="button" class="button button-quiet lang-switch" onClick={onClick} lang={next} aria-label={t('lang.switchLabel')}>
      <Icon name="language" />
      <span>{t('lang.switch')}</span>
    </button>
  );
}
