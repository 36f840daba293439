import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { Icon } from './Icon';
import type { IconName } from './icons';

const ITEMS: { href: string; label: UiKey; icon: IconName }[] = [
  { href: '/', label: 'nav.home', icon: 'home' },
  { href: '/bus', label: 'nav.bus', icon: 'bus' },
  { href: '/trajets', label: 'nav.mobility', icon: 'route' },
  { href: '/preparer', label: 'nav.prepare', icon: 'checklist' },
  { href: '/carte', label: 'nav.map', icon: 'map' },
];

function isCurrent(href: string, path: string): boolean {
  if (href === '/') return path === '/' || path.startsWith('/lieu/');
  return path === href || path.startsWith(`${href}/`);
}

export function PublicNav({ path }: { path: string }) {
  return (
    <nav class="public-nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
              <Icon name={item.icon} size="1.6em" />
              <span>{t(item.label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
