import { t } from '../i18n/i18n';

export function Loading({ text }: { text?: string }) {
  return <p class="loading" role="status">{text ?? t('app.loading')}</p>;
}
