import type { Labels, Shown } from './conflictFields';

/** A value in plain words: text, a list, or label/value pairs (an object, a list's item). */
export function ShownValue({ shown, labels }: { shown: Shown; labels: Labels }) {
  const { t } = labels;
  switch (shown.kind) {
    case 'empty':
      return <><span aria-hidden="true">—</span><span class="visually-hidden">{t('conflicts.empty')}</span></>;
    case 'text':
      return <>{shown.text}</>;
    case 'list':
      return <ul class="conflict-list">{shown.items.map((item, i) => <li key={i}><ShownValue shown={item} labels={labels} /></li>)}</ul>;
    case 'fields':
      return (
        <>
          {shown.title && <span class="conflict-item-title">{shown.title}</span>}
          <ul class="conflict-fields">
            {shown.entries.map((e, i) => (
              <li key={i}>{e.label && <span class="conflict-label">{t('conflicts.pair', { label: e.label })} </span>}<ShownValue shown={e.value} labels={labels} /></li>
            ))}
          </ul>
        </>
      );
  }
}
