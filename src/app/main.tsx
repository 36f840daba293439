import { render } from 'preact';
import { App } from './App';
import { applyLanguage } from './i18n/i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { createAppState } from './state/appState';
import { createServices } from './wiring';
import './styles/app.css';

async function start(): Promise<void> {
  const services = await createServices();
  const savedLanguage = await services.preferences.getLanguage().catch(() => undefined);
  if (savedLanguage && savedLanguage !== 'fr') await applyLanguage(savedLanguage);
  const state = createAppState(services);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  render(<App services={services} state={state} />, root);
  registerServiceWorker();
}

void start();
