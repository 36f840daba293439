import type { ComponentChildren } from 'preact';

export interface ToggleOption<V> {
  value: V;
  label: string;
  pressed: boolean;
}

/**
 * A group of large toggle buttons (≥ 48 px) under a legend. Each button says its state with
 * `aria-pressed` and a check mark, never by colour alone. `error` is shown under the legend
 * and tied to the group for screen readers.
 */
export function ToggleGroup<V extends string | number | boolean>({ id, legend, options, onToggle, error, children }: {
  id: string;
  legend: string;
  options: ReadonlyArray<ToggleOption<V>>;
  onToggle: (value: V) => void;
  error?: string | undefined;
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="toggle-group" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
      <ul>
        {options.map((o) => (
          <li key={String(o.value)}>
            <button type="button" class="need-button toggle" aria-pressed={o.pressed ? 'true' : 'false'} onClick={() => onToggle(o.value)}>
              {o.label}
            </button>
          </li>
        ))}
      </ul>
      {children}
    </fieldset>
  );
}
