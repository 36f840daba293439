import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Checklist } from '../../../shared/domain/checklist';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useServices } from '../../services/services';

/** The papers to bring, to tick one by one; what is ticked is kept on the phone (Preferences). */
export function DocumentsToBring({ checklist }: { checklist: Checklist }) {
  const { preferences } = useServices();
  const ticked = useSignal<string[]>([]);
  useEffect(() => {
    let live = true;
    void preferences.getTickedDocuments(checklist.id).then((ids) => live && (ticked.value = ids), () => undefined);
    return () => void (live = false);
  }, [checklist.id, preferences]);

  const toggle = (documentId: string, checked: boolean) => {
    const next = checked ? [...new Set([...ticked.value, documentId])] : ticked.value.filter((d) => d !== documentId);
    ticked.value = next;
    void preferences.setTickedDocuments(checklist.id, next);
  };
  const done = checklist.documents.filter((d) => ticked.value.includes(d.id)).length;
  return (
    <section aria-labelledby="docs-title">
      <h2 id="docs-title">{t('prepare.documents')}</h2>
      <p role="status" aria-live="polite">{t('prepare.documentsCount', { done, total: checklist.documents.length })}</p>
      <ul class="checklist-docs">
        {checklist.documents.map((doc) => {
          const docLabel = localized(doc.label);
          const hint = localized(doc.hint);
          return (
            <li key={doc.id}>
              <label>
                <input
                  type="checkbox"
                  checked={ticked.value.includes(doc.id)}
                  onChange={(event) => toggle(doc.id, event.currentTarget.checked)}
                />
                <span>
                  <span lang={docLabel?.lang}>{docLabel?.text}</span>
                  {hint && <span class="hint" lang={hint.lang}>{hint.text}</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
