import { render } from 'preact';
import type { ReadonlySignal } from '@preact/signals';
import { App, preloadHome } from './App';
import { applyLanguage } from './i18n/i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { CAUGHT_UP_MARK } from './sync/caughtUpMark';
import { createAppState } from './state/appState';
import { createServices } from './wiring';
import { PAINTED_ATTRIBUTE } from './public/home/homeSnapshot';
import './styles/app.css';

async function start(): Promise<void> {
  const services = createServices();
  const savedLanguage = await services.preferences.getLanguage().catch(() => undefined);
  if (savedLanguage && savedLanguage !== 'fr') await applyLanguage(savedLanguage);
  const state = createAppState(services);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  // Over a snapshot painted by /home-snapshot.js (public/home/homeSnapshot.ts), render once the home can show its list (directory read, commune
  // known, home chunk loaded): the app then reuses the snapshot's nodes instead of wiping
  // them for a "Chargement…" first. Never later than SNAPSHOT_WAIT_MS.
  if (root.hasAttribute(PAINTED_ATTRIBUTE)) await Promise.race([Promise.all([state.settled, preloadHome()]).catch(() => undefined), delay(SNAPSHOT_WAIT_MS)]);
  render(<App services={services} state={state} />, root);
  root.removeAttribute(PAINTED_ATTRIBUTE);
  // The offline app installs once the first sync has stored the directory (or 10 s after load).
  registerServiceWorker({ afterMark: CAUGHT_UP_MARK });
  // Dexie, the sync engine and the write side load after the first paint (wiring.ts):
  // once the directory's first read is on screen and the main thread is idle.
  afterFirstRead(state.loaded, () => void services.connect().catch(() => undefined));
}

/** Runs `then` when the page is idle after `loaded` turns true (at the latest 3 s after the first render). */
function afterFirstRead(loaded: ReadonlySignal<boolean>, then: () => void): void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    clearTimeout(latest);
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(then, { timeout: 500 });
    else setTimeout(then, 0);
  };
  // A first read that never ends (a database held by another tab) must not hold the sync back.
  const latest = setTimeout(go, 3000);
  if (loaded.peek()) return go();
  const stop = loaded.subscribe((value) => {
    if (!value) return;
    stop();
    go();
  });
}

const SNAPSHOT_WAIT_MS = 3000;

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

void start();
