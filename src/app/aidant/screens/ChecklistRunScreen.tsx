import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import type { Checklist } from '../../../shared/domain/checklist';
import type { Place } from '../../../shared/domain/place';
import { noteWarnings } from '../../../shared/visits/noteMinimisation';
import { lang } from '../../i18n/i18n';
import { QrCode } from '../../public/place/QrCode';
import { useAppState } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { useAidantT, type AidantT } from '../i18n/aidantMessages';
import { Icon } from '../../ui/Icon';
import { HandoffSheet } from '../handoff/HandoffSheet';
import { useHandoff } from '../handoff/useHandoff';

const text = (l: { fr: string; en?: string | undefined } | undefined): string => (l ? (lang.value === 'en' && l.en ? l.en : l.fr) : '');

/** Where to go for a checklist: its named places, then places of its categories. */
function placesFor(checklist: Checklist, places: readonly Place[]): Place[] {
  const named = checklist.whereToGo.placeIds.map((id) => places.find((p) => p.id === id)).filter((p): p is Place => p !== undefined);
  const byCategory = places.filter((p) => checklist.whereToGo.placeCategories.includes(p.category) && !named.includes(p));
  return [...named, ...byCategory].slice(0, 3);
}

/** The plain-text summary handed to the person (printed or as a QR code, no link, no network). */
export function summaryText(t: AidantT, checklist: Checklist, documents: readonly string[], steps: readonly string[], missing: string, places: readonly Place[]): string {
  const leftDocs = checklist.documents.filter((d) => !documents.includes(d.id)).map((d) => `- ${text(d.label)}`);
  const leftSteps = checklist.steps.filter((s) => !steps.includes(s.id)).map((s) => `- ${text(s.label)}`);
  const lines = [text(checklist.title), ''];
  if (leftDocs.length === 0 && leftSteps.length === 0 && missing.trim() === '') lines.push(t('checklist.nothingLeft'));
  if (leftDocs.length > 0) lines.push(t('checklist.leftToBring'), ...leftDocs, '');
  if (leftSteps.length > 0) lines.push(t('checklist.leftSteps'), ...leftSteps, '');
  if (missing.trim() !== '') lines.push(missing.trim(), '');
  if (places.length > 0) {
    lines.push(t('checklist.whereToGo'));
    for (const p of places) lines.push(`- ${p.name}, ${p.address ?? ''} ${p.city}${p.phone ? `, ${p.phone}` : ''}`.replace(/ ,/g, ','));
  }
  return lines.join('\n').trim();
}

/** A checklist gone through with a person: tick, note what is missing, hand over what is left. */
export function ChecklistRunScreen() {
  const t = useAidantT();
  usePageTitle(t('checklist.title'));
  const { controller } = useAidant();
  const state = useAppState();
  const { route } = useLocation();
  const chosen = useSignal<string | undefined>(undefined);
  const documents = useSignal<string[]>([]);
  const steps = useSignal<string[]>([]);
  const missing = useSignal('');
  const showQr = useSignal(false);
  const handoff = useHandoff();
  const checklist = state.checklists.value.find((c) => c.id === chosen.value);

  if (!checklist) {
    return (
      <section class="page aidant-page" aria-labelledby="checklist-title">
        <h1 id="checklist-title">{t('checklist.title')}</h1>
        <h2>{t('checklist.pick')}</h2>
        <ul class="plain-list checklist-picker">
          {state.checklists.value.map((c) => (
            <li key={c.id}><button type="button" class="need-button" onClick={() => { chosen.value = c.id; documents.value = []; steps.value = []; missing.value = ''; showQr.value = false; }}>{text(c.title)}</button></li>
          ))}
        </ul>
      </section>
    );
  }

  const toggle = (list: typeof documents, id: string) => (list.value = list.value.includes(id) ? list.value.filter((x) => x !== id) : [...list.value, id]);
  const places = placesFor(checklist, state.places.value);
  const summary = summaryText(t, checklist, documents.value, steps.value, missing.value, places);
  const warnings = noteWarnings(missing.value);
  // The hand-off sheet of one of the places to go, with the procedure's papers: the run's
  // ticks stay as they are behind it (this screen stays mounted).
  const sheetPlace = places.find((p) => p.id === handoff.placeId);
  if (sheetPlace) {
    const bring = {
      procedure: text(checklist.title),
      documents: checklist.documents.map((d) => ({ id: d.id, label: text(d.label), missing: !documents.value.includes(d.id) })),
    };
    return <HandoffSheet place={sheetPlace} bring={bring} onClose={handoff.close} />;
  }
  function attach() {
    if (!checklist) return;
    const note = missing.value.trim();
    const run = { checklistId: checklist.id, documentsChecked: [...documents.value], stepsDone: [...steps.value], ...(note ? { missingNote: note.slice(0, 500) } : {}) };
    const draft = controller.visitDraft.value;
    controller.visitDraft.value = { ...draft, checklistRuns: [...draft.checklistRuns.filter((r) => r.checklistId !== run.checklistId), run].slice(0, 20) };
    route('/aidant/visite');
  }
  return (
    <section class="page aidant-page" aria-labelledby="checklist-title">
      <h1 id="checklist-title">{text(checklist.title)}</h1>
      <p class="no-print"><button type="button" class="button button-quiet" onClick={() => (chosen.value = undefined)}>{t('checklist.other')}</button></p>
      <div class="no-print">
        <h2>{t('checklist.documents')}</h2>
        <ul class="checklist-docs">
          {checklist.documents.map((doc) => (
            <li key={doc.id}><label><input type="checkbox" checked={documents.value.includes(doc.id)} onChange={() => toggle(documents, doc.id)} />{text(doc.label)}</label></li>
          ))}
        </ul>
        <h2>{t('checklist.steps')}</h2>
        <ul class="checklist-docs">
          {checklist.steps.map((step) => (
            <li key={step.id}><label><input type="checkbox" checked={steps.value.includes(step.id)} onChange={() => toggle(steps, step.id)} />{text(step.label)}</label></li>
          ))}
        </ul>
        <label for="checklist-missing">{t('checklist.missing')}</label>
        <textarea id="checklist-missing" class="text-input" rows={2} maxLength={500} value={missing.value}
          onInput={(e) => (missing.value = (e.currentTarget as HTMLTextAreaElement).value)} />
        {warnings.map((w) => <p class="notice notice-warn" key={w.kind}>{t(`note.${w.kind}`)}</p>)}
      </div>
      <div class="card print-summary">
        <h2>{t('checklist.summary')}</h2>
        <pre class="summary-text">{summary}</pre>
        {showQr.value && <QrCode text={summary} label={t('checklist.qrLabel')} />}
      </div>
      {places.length > 0 && (
        <ul class="plain-list handoff-choices no-print">
          {places.map((p) => (
            <li key={p.id}>
              <button type="button" id={`handoff-${p.id}`} class="button" onClick={() => handoff.open(p.id, `handoff-${p.id}`)}>
                <Icon name="qr" />{t('handoff.openFor', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()}>{t('checklist.print')}</button>
        <button type="button" class="button button-quiet" aria-pressed={showQr.value ? 'true' : 'false'} onClick={() => (showQr.value = !showQr.value)}>{t('checklist.qr')}</button>
      </div>
      <p class="no-print"><button type="button" class="button button-big" onClick={attach}>{t('checklist.attach')}</button></p>
    </section>
  );
}
