import { useSignal } from '@preact/signals';
import { useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { errorText } from '../../i18n/errors/errorText';
import { makesVisit } from '../../../shared/sync/mutations';
import { atCount, isAidantKey, useAidantT } from '../i18n/aidantMessages';
import { pendingText } from '../i18n/pendingText';
import { usePendingCount } from '../usePendingCount';

const KINDS = new Set(['session.open@1', 'session.close@1', 'coverage.record@1', 'correction.propose@1']);
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' });

/** What is waiting: the visits not sent yet (then the other items, by kind), the last sync,
 *  "sync now", and a safe logout. */
export function WaitingScreen() {
  const t = useAidantT();
  /** A change's kind in words; "Changement" for a kind this version does not name. */
  const kindLabel = (name: string) => {
    const key = `kind.${name}`;
    return isAidantKey(key) ? t(key) : t('kind.other');
  };
  usePageTitle(t('waiting.title'));
  const { controller, lists } = useAidant();
  const { syncStatus, syncNow } = useServices();
  const busy = useSignal(false);
  const message = useSignal<string | undefined>(undefined);
  const status = syncStatus.value;
  const pending = lists?.pending ?? [];
  const count = usePendingCount();
  const last = status?.kind === 'upToDate' ? status.at : status && 'lastSyncedAt' in status ? status.lastSyncedAt : undefined;
  const sealed = pending.filter((p) => p.sealed).length;
  const counts = new Map<string, number>();
  for (const p of pending) {
    if (makesVisit(p.name)) continue; // counted first, as visits
    const key = KINDS.has(p.name) ? p.name : 'other';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  async function sync() {
    busy.value = true;
    message.value = undefined;
    try {
      await syncNow?.();
    } finally {
      busy.value = false;
      controller.changed.value++;
    }
  }
  async function logout() {
    try {
      await controller.backend.logout();
      const me = controller.current.value;
      if (me) await controller.backend.profiles.delete(me.userId);
      message.value = t('waiting.loggedOut');
      controller.lock();
    } catch (err) {
      const code = (err as { code?: string }).code;
      message.value = code === 'logout_refused' ? atCount('waiting.logoutRefused', pending.length) : t('error.generic', { message: errorText(err) });
    }
  }
  return (
    <section class="page aidant-page" aria-labelledby="waiting-title">
      <h1 id="waiting-title">{t('waiting.title')}</h1>
      <div role="status">
        <p class="waiting-count">{count.visits + count.others > 0 ? pendingText(count) : t('waiting.none')}</p>
      </div>
      {sealed > 0 && <p class="hint">{atCount('waiting.sealed', sealed)}</p>}
      {counts.size > 0 && (
        <>
          <p>{t('waiting.othersKinds')}</p>
          <ul class="tags waiting-kinds">
            {[...counts].map(([name, n]) => <li key={name}>{t('waiting.kindCount', { kind: kindLabel(name), count: n })}</li>)}
          </ul>
        </>
      )}
      <p>{last ? t('waiting.lastSync', { when: DATE_TIME.format(last) }) : t('waiting.neverSynced')}</p>
      <p class="hint">{t('waiting.kept')}</p>
      <button type="button" class="button button-big" disabled={busy.value} onClick={sync}>{busy.value ? t('waiting.syncing') : t('waiting.syncNow')}</button>
      {message.value && <p class="notice notice-warn" role="alert">{message.value}</p>}
      <hr />
      <p><button type="button" class="button button-quiet" onClick={logout}>{t('waiting.logout')}</button></p>
    </section>
  );
}
