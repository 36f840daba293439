import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n';

/** Sets the document title ("Bus — Escale"), so screen readers and tabs say where we are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title]);
}
