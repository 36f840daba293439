import { useState } from 'preact/hooks';
import type { User } from '../../shared/domain/user';
import { errorText } from '../i18n/errors/errorText';
import { useStaff } from './useStaff';
import { useStaffT, type StaffKey } from './i18n/staffMessages';

const LINKS: Array<[string, StaffKey]> = [
  ['/bureau', 'nav.home'],
  ['/bureau/lieux', 'nav.places'],
  ['/bureau/transports', 'nav.mobility'],
  ['/bureau/demarches', 'nav.checklists'],
  ['/bureau/tournees', 'nav.tours'],
  ['/bureau/conflits', 'nav.conflicts'],
  ['/bureau/corrections', 'nav.corrections'],
  ['/bureau/import', 'nav.transfer'],
  ['/bureau/indicateurs', 'nav.indicators'],
  ['/bureau/notes', 'nav.notes'],
  ['/bureau/comptes', 'nav.admin'],
];

/** The office menu: the current section is marked with aria-current, not colour alone. */
export function StaffNav({ path, user }: { path: string; user: User }) {
  const t = useStaffT();
  const staff = useStaff();
  const [error, setError] = useState<string>();
  const current = (href: string) => (href === '/bureau' ? path === '/bureau' || path === '/bureau/' : path.startsWith(href));
  async function signOut() {
    try {
      await staff.logout();
    } catch (e) {
      setError(t('signout.refused', { message: errorText(e) }));
    }
  }
  return (
    <div class="staff-top no-print">
      <nav class="staff-nav" aria-label={t('nav.label')}>
        <ul>
          {LINKS.filter(([href]) => href !== '/bureau/comptes' || user.role === 'admin').map(([href, key]) => (
            <li key={href}>
              <a href={href} aria-current={current(href) ? 'page' : undefined}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="staff-who">
        <span>{t('who', { name: user.displayName, role: t(`role.${user.role}`) })}</span>
        <button type="button" class="button button-quiet" onClick={signOut}>{t('signout')}</button>
      </div>
      {error && <p role="alert" class="notice notice-warn">{error}</p>}
    </div>
  );
}
