import type { Params, Translate } from './catalogue';

/**
 * Counted messages: a catalogue writes three keys, `base.zero`, `base.one`, `base.many`
 * ("Aucune visite à envoyer", "{count} visite à envoyer", "{count} visites à envoyer").
 * Both languages name zero on its own (French takes the singular there, English the
 * plural, and both read better as "aucune" / "no"), one is 1, many anything else:
 * whole counts only, which is all the interface counts.
 */
export type PluralForm = 'zero' | 'one' | 'many';

export function pluralForm(count: number): PluralForm {
  return count === 0 ? 'zero' : count === 1 ? 'one' : 'many';
}

/** The bases of a catalogue's counted messages: keys with all three forms. */
export type PluralBase<K extends string> = BaseOf<K, K>;
type BaseOf<K extends string, All extends string> = K extends `${infer B}.many` ? ([`${B}.one` | `${B}.zero`] extends [All] ? B : never) : never;

/** The counted message `base` for `count`, `{count}` and any other params filled. */
export function plural<M, B extends PluralBase<keyof M & string>>(t: Translate<M>, base: B, count: number, params?: Params): string {
  return (t as (key: string, params?: Params) => string)(`${base}.${pluralForm(count)}`, { ...params, count });
}
