import type { ComponentType } from 'preact';
import type { Commune, SchoolHolidayPeriod } from '../../../shared/domain/territory';
import type { FieldDef } from './formFields';
import type { FormValue, FormValues } from './formModel';

// What a directory form's field is given. Its own file so that Field (which renders a list
// editor) and ListEditor (which renders fields for each item) share it without importing
// each other: Field hands itself to ListEditor as `Field`.

export interface FieldContext {
  communes: readonly Commune[];
  /** The places a checklist may point to (id and name). */
  places: ReadonlyArray<{ id: string; name: string }>;
  errors: Record<string, string>;
  /** The territory's school-holiday calendar: what `SH` in an hours field is read against. */
  holidays?: readonly SchoolHolidayPeriod[] | undefined;
}

export interface FieldProps {
  def: FieldDef;
  /** `documents.0.` inside a list item, '' at the top. */
  prefix: string;
  values: FormValues;
  set: (key: string, value: FormValue) => void;
  ctx: FieldContext;
}

export type FieldComponent = ComponentType<FieldProps>;

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
