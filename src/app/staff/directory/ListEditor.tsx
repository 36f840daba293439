import { useEffect, useRef, useState } from 'preact/hooks';
import { useStaffT } from '../i18n/staffMessages';
import type { FieldComponent, FieldContext } from './fieldTypes';
import type { FieldDef } from './formFields';
import { newItem, type FormValues } from './formModel';

interface Props {
  def: FieldDef;
  id: string;
  /** The list's path in the form (`documents`), for item error keys. */
  path: string;
  items: FormValues[];
  set: (items: FormValues[]) => void;
  ctx: FieldContext;
  /** What renders each item's fields (Field, which renders this editor: handed over, not
   *  imported, so the two files do not import each other). */
  Field: FieldComponent;
}

/**
 * A repeatable list (papers, steps, links, services): each item in its own group with
 * "move up", "move down" and "remove" buttons, then "add". Keyboard users move an item
 * with those buttons; focus follows the item and a polite message says where it went.
 */
export function ListEditor({ def, id, path, items, set, ctx, Field }: Props) {
  const t = useStaffT();
  const [said, setSaid] = useState('');
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });
  const name = (i: number) => t(def.itemLabel ?? 'f.itemLabel', { n: i + 1 });
  const error = ctx.errors[path];
  // Buttons are named by the item's stable key, so focus follows the item, not the index.
  const keyOf = (i: number) => String(items[i]?._key ?? i);

  function move(i: number, by: -1 | 1) {
    const j = i + by;
    const next = [...items];
    [next[i], next[j]] = [next[j]!, next[i]!];
    set(next);
    const edge = j === 0 || j === items.length - 1;
    focusNext.current = `${id}-${keyOf(i)}-${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`;
    setSaid(t('list.moved', { item: name(i), n: j + 1 }));
  }
  function remove(i: number) {
    set(items.filter((_, j) => j !== i));
    focusNext.current = items.length > 1 ? `${id}-${keyOf(i === 0 ? 1 : i - 1)}-remove` : `${id}-add`;
    setSaid(t('list.removed', { item: name(i) }));
  }
  function add() {
    set([...items, newItem(def)]);
    const first = def.item?.[0];
    focusNext.current = first ? `${id}-${items.length}-${first.key}${first.kind === 'localized' ? '-fr' : ''}` : undefined;
    setSaid('');
  }

  return (
    <fieldset class="list-editor" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t(def.label)}{def.required ? ' *' : ''}</legend>
      {error && <p id={`${id}-error`} class="field-error">✗ {error}</p>}
      {items.length === 0 && <p class="hint">{t('list.none')}</p>}
      <ol class="list-items">
        {items.map((item, i) => (
          <li key={String(item._key ?? i)} class="list-item">
            <fieldset class="plain">
              <legend class="list-item-title">{name(i)}</legend>
              {(def.item ?? []).map((sub) => (
                <Field key={sub.key} def={sub} prefix={`${path}.${i}.`} values={item} ctx={ctx}
                  set={(k, v) => set(items.map((x, j) => (j === i ? { ...x, [k]: v } : x)))} />
              ))}
              <div class="button-row">
                <button type="button" class="button button-quiet" id={`${id}-${keyOf(i)}-up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <span aria-hidden="true">↑</span> {t('list.up', { item: name(i) })}
                </button>
                <button type="button" class="button button-quiet" id={`${id}-${keyOf(i)}-down`} disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                  <span aria-hidden="true">↓</span> {t('list.down', { item: name(i) })}
                </button>
                <button type="button" class="button button-quiet" id={`${id}-${keyOf(i)}-remove`} onClick={() => remove(i)}>
                  {t('list.remove', { item: name(i) })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" class="button button-quiet" id={`${id}-add`} onClick={add}>{t(def.addLabel ?? 'stop.add')}</button>
      <p class="visually-hidden" role="status" aria-live="polite">{said}</p>
    </fieldset>
  );
}
