import { useEffect, useLayoutEffect } from 'preact/hooks';
import { Route, Router, useLocation } from 'preact-iso';
import { useServices } from '../services/services';
import { controllerFor, type AidantController } from './aidantController';
import { COVERAGE_EVERY_MS, coverageObservation, newId, readNetwork } from './coverage';
import { AidantContext } from './aidantContext';
import { GateScreen } from './GateScreen';
import { useAidantT } from './i18n/aidantMessages';
import { pendingText, waitingButtonText } from './i18n/pendingText';
import { pendingCount } from '../../shared/sync/pendingCount';
import { statusDetail } from '../ui/statusDetail';
import { openSessionOf } from './today';
import { useAidantLists } from './useAidantLists';
import { TodayScreen } from './screens/TodayScreen';
import { SessionScreen } from './screens/SessionScreen';
import { VisitScreen } from './screens/VisitScreen';
import { ChecklistRunScreen } from './screens/ChecklistRunScreen';
import { DirectoryScreen, AidantPlaceScreen } from './screens/DirectoryScreen';
import { WaitingScreen } from './screens/WaitingScreen';
import './aidant.css';
import '../i18n/screens';

/** The aidant space (/aidant/*): the gate until someone is unlocked, then the screens. */
export function AidantSpace() {
  const services = useServices();
  const t = useAidantT();
  if (!services.aidant) {
    return (
      <section class="page"><h1>{t('space.title')}</h1><p role="alert">{t('error.generic', { message: 'IndexedDB' })}</p></section>
    );
  }
  const controller = controllerFor(services.aidant);
  return <UnlockedOrGate controller={controller} />;
}

function UnlockedOrGate({ controller }: { controller: AidantController }) {
  const me = controller.current.value;
  useEffect(() => {
    const touch = () => controller.touch();
    document.addEventListener('pointerdown', touch, { passive: true });
    document.addEventListener('keydown', touch);
    return () => {
      document.removeEventListener('pointerdown', touch);
      document.removeEventListener('keydown', touch);
    };
  }, [controller]);
  const status = useServices().syncStatus.value;
  const wiped = controller.backend.wiped?.value;
  // A revoked tablet has wiped its aidants' data: whoever was unlocked is locked out, and
  // the gate opens again on an empty tablet.
  useEffect(() => {
    if (wiped && controller.current.value) controller.lock();
  }, [wiped?.at, controller]);
  const authProblem = status?.kind === 'actionNeeded' && (status.reason === 'deviceRevoked' || status.reason === 'sessionExpired');
  if (wiped) return <><WipedNotice dropped={wiped.dropped} /><GateScreen key={wiped.at} controller={controller} /></>;
  if (!me) return <><AuthBanner controller={controller} /><GateScreen controller={controller} /></>;
  return <Space controller={controller} authProblem={authProblem} />;
}

/** After the wipe of a revoked tablet: what happened, what was lost, what to do. */
function WipedNotice({ dropped }: { dropped: number }) {
  const t = useAidantT();
  return (
    <section class="notice notice-warn aidant-auth aidant-wiped" role="alert" aria-label={t('wiped.title')}>
      <p><strong>{t('wiped.title')}</strong></p>
      <p>{t('wiped.body')}</p>
      {dropped > 0 && <p>{t('wiped.dropped', { count: dropped })}</p>}
      <p>{t('wiped.again')}</p>
    </section>
  );
}

/** Revoked device or expired session: said plainly, with what is still waiting. */
function AuthBanner({ controller }: { controller: AidantController }) {
  const t = useAidantT();
  const status = useServices().syncStatus.value;
  const lists = useAidantLists(controller);
  if (status?.kind !== 'actionNeeded' || (status.reason !== 'deviceRevoked' && status.reason !== 'sessionExpired')) return null;
  const pending = pendingText(pendingCount(lists?.pending ?? []));
  return (
    <div class="notice notice-warn aidant-auth" role="alert">
      <p>{status.reason === 'deviceRevoked' ? t('status.revoked', { pending }) : t('status.expired', { pending })}</p>
      {controller.current.value && status.reason === 'sessionExpired' && (
        <p><button type="button" class="button" onClick={() => controller.lock('signin')}>{t('status.reconnect')}</button></p>
      )}
    </div>
  );
}

function Space({ controller, authProblem }: { controller: AidantController; authProblem: boolean }) {
  const t = useAidantT();
  const { path } = useLocation();
  const me = controller.current.value!;
  const lists = useAidantLists(controller);
  const services = useServices();
  const session = lists ? openSessionOf(lists.sessions, me.userId, services.now()) : undefined;
  useCoverageWhileOpen(controller, session?.id, lists);
  const count = pendingCount(lists?.pending ?? []);
  usePendingInBanner(lists ? pendingText(count) : undefined, count.visits + count.others > 0);
  const links: Array<[string, string]> = [
    ['/aidant', t('nav.today')],
    ['/aidant/visite', t('nav.visit')],
    ['/aidant/demarche', t('nav.checklist')],
    ['/aidant/annuaire', t('nav.directory')],
    ['/aidant/envoi', waitingButtonText(count)],
  ];
  const current = (href: string) => (href === '/aidant' ? path === '/aidant' || path === '/aidant/' : path.startsWith(href));
  return (
    <div class="aidant-space">
      <div class="aidant-bar">
        <p class="aidant-who">{t('lock.signedInAs', { name: me.displayName })}</p>
        <div class="button-row">
          <button type="button" class="button button-quiet" onClick={() => controller.lock()}>{t('lock.lock')}</button>
          <button type="button" class="button button-quiet" onClick={() => controller.lock('choose')}>{t('lock.switch')}</button>
        </div>
      </div>
      {authProblem && <AuthBanner controller={controller} />}
      <nav class="aidant-nav" aria-label={t('nav.label')}>
        <ul>
          {links.map(([href, text]) => (
            <li key={href}><a href={href} aria-current={current(href) ? 'page' : undefined}>{text}</a></li>
          ))}
        </ul>
      </nav>
      <AidantContext.Provider value={{ controller, me, lists, session }}>
        <Router>
          <Route path="/" component={TodayScreen} />
          <Route path="/session" component={SessionScreen} />
          <Route path="/visite" component={VisitScreen} />
          <Route path="/demarche" component={ChecklistRunScreen} />
          <Route path="/annuaire" component={DirectoryScreen} />
          <Route path="/lieu/:id" component={AidantPlaceScreen} />
          <Route path="/envoi" component={WaitingScreen} />
          <Route default component={TodayScreen} />
        </Router>
      </AidantContext.Provider>
    </div>
  );
}

/** The network line says what waits here, in this space's words, while the space is open. */
function usePendingInBanner(text: string | undefined, anything: boolean) {
  const detail = text !== undefined && anything ? `${text}.` : undefined;
  // Before the paint, so the line and the button never show two numbers side by side.
  useLayoutEffect(() => {
    statusDetail.value = detail;
  }, [detail]);
  useEffect(() => () => void (statusDetail.value = undefined), []);
}

/** A coverage observation every ~10 minutes while this aidant's session is open. */
function useCoverageWhileOpen(controller: AidantController, sessionId: string | undefined, lists: ReturnType<typeof useAidantLists>) {
  const { now } = useServices();
  useEffect(() => {
    if (!sessionId || !lists) return;
    const timer = setInterval(() => {
      const session = lists.sessions.find((s) => s.id === sessionId);
      if (!session) return;
      void controller.backend.writes.recordCoverage(coverageObservation(session, readNetwork(), newId(), now()))
        .then(() => controller.changed.value++, () => undefined);
    }, COVERAGE_EVERY_MS);
    return () => clearInterval(timer);
  }, [sessionId, controller]);
}
