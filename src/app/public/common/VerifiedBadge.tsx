import { formatCalendarDate } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import '../../i18n/screens';

/** "Vérifié le 3 mars 2026", or "À confirmer" when no source backs the record. */
export function VerifiedBadge({ verifiedAt }: { verifiedAt: string }) {
  if (!verifiedAt) {
    return (
      <span class="badge-confirm">
        <Icon name="warning" size="1.1em" />
        {t('place.toConfirm')}
      </span>
    );
  }
  return (
    <span class="badge-verified">
      <Icon name="check" size="1.1em" />
      {t('place.verified', { date: formatCalendarDate(verifiedAt) })}
    </span>
  );
}
