import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../i18n/i18n';
import { PAGE_TERRITORY_NAME } from '../territory';
import { LanguageSwitch } from './LanguageSwitch';
import { NetworkStatus } from './NetworkStatus';
import { PublicNav } from './PublicNav';
import { UpdateBanner } from '../pwa/UpdateBanner';

/** The frame around every screen: header, network state, update banner, main, menu. */
export function Shell({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const isPublic = !path.startsWith('/aidant') && !path.startsWith('/bureau');
  useFocusOnNavigation(path);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">{t('app.skip')}</a>
      <header class="app-header">
        <a class="brand" href="/">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span>
            <span class="brand-name">{t('app.name')}</span>
            <span class="brand-territory">{PAGE_TERRITORY_NAME}</span>
          </span>
        </a>
        <LanguageSwitch />
      </header>
      <NetworkStatus />
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {isPublic && <PublicNav path={path} />}
    </div>
  );
}

/**
 * After a navigation inside the app, start at the top and move focus to <main>, so a
 * screen-reader or keyboard user lands on the new screen, not on the link they left.
 * Not on first load: the browser's own focus handling is right there.
 */
function useFocusOnNavigation(path: string): void {
  const previous = useRef(path);
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, [path]);
}
