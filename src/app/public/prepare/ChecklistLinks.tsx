import type { Checklist } from '../../../shared/domain/checklist';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { Icon } from '../../ui/Icon';

/** The official links, then what to check (amounts, thresholds) as a warning. */
export function ChecklistLinks({ checklist }: { checklist: Checklist }) {
  const caveats = localized(checklist.caveats);
  return (
    <>
      {checklist.links.length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('prepare.links')}</h2>
          <ul class="contact-list">
            {checklist.links.map((link) => (
              <li key={link.url}>
                <Icon name="globe" />
                <a href={link.url} rel="noopener" target="_blank">{link.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {caveats && (
        <section aria-labelledby="caveats-title" class="notice notice-warn">
          <Icon name="warning" />
          <div>
            <h2 id="caveats-title">{t('prepare.caveats')}</h2>
            <p lang={caveats.lang}>{caveats.text}</p>
          </div>
        </section>
      )}
    </>
  );
}
