import { signal } from '@preact/signals';
import { lang, registerEnglish } from './lang';

// The one way the interface finds its words, for every audience (src/app/i18n/README.md).
// A catalogue is a French file (the reference, `as const`) and an English file typed from
// it, in sections: `ui` holds the messages, the other sections the plain-words labels of
// vocabulary slugs. French travels with the code that shows it; English is a chunk of its
// own, loaded when the language is English (./lang.ts).
//
// What the types enforce, from the French literals:
//   - the English file has exactly the French sections and keys (a missing or extra one
//     fails `npm run typecheck`), and each English message holds every `{name}` placeholder
//     of its French message;
//   - `t(key, params)` takes exactly the placeholders of that message (none when it has
//     none); a key built at run time (a union) takes any params.

/** Messages or labels: key → words. */
export type Messages = Readonly<Record<string, string>>;
/** A catalogue's French: `ui` messages, and vocabulary sections (slug → label). */
export type Sections = { readonly ui: Messages } & { readonly [section: string]: Messages };

/** The placeholder names of a message: 'Appeler le {phone}' → 'phone'. */
export type Placeholders<S> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;
/** A string holding `{p}` for each name p. */
type Holding<P extends string> = UnionToIntersection<P extends string ? `${string}{${P}}${string}` : never>;

/** What a catalogue's English file must be: the French sections and keys, no more, no fewer,
 *  each message with its French placeholders. */
export type EnglishOf<F> = {
  readonly [S in keyof F]: {
    readonly [K in keyof F[S]]: [Placeholders<F[S][K]>] extends [never] ? string : Holding<Placeholders<F[S][K]> & string>;
  };
};

export type Params = Readonly<Record<string, string | number>>;
/** The parameters of `t(key, …)`: the message's placeholders, typed when the key is known. */
export type ParamsOf<M, K extends keyof M> = IsUnion<K> extends true
  ? [params?: Params]
  : [Placeholders<M[K]>] extends [never]
    ? []
    : [params: { readonly [P in Placeholders<M[K]> & string]: string | number }];

export type Translate<M> = <K extends keyof M & string>(key: K, ...params: ParamsOf<M, K>) => string;
export type VocabSection<F> = Exclude<keyof F, 'ui'> & string;

export interface Catalogue<F extends Sections> {
  /** The message in the interface language, `{name}` placeholders filled. Reading it in a
   *  component subscribes the component to the language. */
  readonly t: Translate<F['ui']>;
  /** The label of a vocabulary slug in the interface language; the slug itself when none. */
  label(section: VocabSection<F>, slug: string): string;
  /** Adds French that travels in a lazy chunk (the public screens' half: ./screens.ts). */
  addFrench(part: FrenchPart<F>): void;
}

type Table = Record<string, Record<string, string>>;
/** Some of a catalogue's French: some sections, some keys of each. */
export type FrenchPart<F> = { readonly [S in keyof F]?: Partial<F[S]> };

/** Sections merged key by key, later parts over earlier ones. */
export function merge<T>(...parts: readonly object[]): T {
  const out: Table = {};
  for (const part of parts) {
    for (const [section, values] of Object.entries(part)) out[section] = { ...out[section], ...values };
  }
  return out as T;
}

/** `{name}` → params.name; a placeholder without a value stays as written. */
export function fill(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/**
 * A catalogue from its French (`fr`, or the entry's part of it when more French comes
 * later through `addFrench`) and the loader of its English chunk, typically
 * `() => import('./en').then((m) => m.en)`.
 */
export function defineCatalogue<F extends Sections>(spec: {
  fr: FrenchPart<F>;
  en: () => Promise<NoInfer<EnglishOf<F>>>;
}): Catalogue<F> {
  const french = signal<Table>(merge(spec.fr));
  const english = signal<Table | undefined>(undefined);
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= spec.en().then(
    (en) => void (english.value = en as unknown as Table),
    (error: unknown) => {
      loading = undefined; // offline and not cached yet: try again next time
      throw error;
    },
  ));
  registerEnglish(load);

  /** English once loaded; the French meanwhile, while it loads (applyLanguage() loads it
   *  before the switch; this covers a catalogue that arrives later, or `lang` set directly). */
  const table = (): Table => {
    if (lang.value !== 'en') return french.value;
    if (!english.value) load().catch(() => undefined);
    return english.value ?? french.value;
  };
  /** The words of `key` in `section`; the key itself when there are none. */
  const label = (section: string, key: string): string => table()[section]?.[key] ?? key;

  return {
    t: ((key: string, params?: Params) => fill(label('ui', key), params)) as Translate<F['ui']>,
    label,
    addFrench(part) {
      french.value = merge(french.value, part);
    },
  };
}
