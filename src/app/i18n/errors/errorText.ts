import type { InvalidInput } from '../../data/errors';
import { describeIssues } from '../../../shared/domain/formatIssues';
import { defineCatalogue, type Params } from '../catalogue';
import { lang } from '../lang';
import { fr } from './fr';

// An error as the person reads it, in the interface language: its `code` and `params`
// (src/app/data/errors.ts) worded from ./fr.ts or ./en.ts. Screens show errorText(error),
// never `error.message` (English, for developers). An error this catalogue cannot word —
// a code it does not know, or one whose facts did not come with it — shows its message:
// the server's own sentence, for a code the app has no words for.

const catalogue = defineCatalogue<typeof fr>({ fr, en: () => import('./en').then((m) => m.en) });
type ErrorKey = keyof typeof fr.ui;
const isErrorKey = (key: string): key is ErrorKey => key in fr.ui;

interface Coded {
  code: string;
  params: Readonly<Record<string, unknown>>;
}

/** The code and facts of an error; those of its cause when it only wraps it (a batch). */
function codedOf(error: unknown): Coded | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, params, cause } = error as { code?: unknown; params?: unknown; cause?: unknown };
  if (typeof code !== 'string') return undefined;
  const facts = params && typeof params === 'object' ? (params as Coded['params']) : {};
  const inner = Object.keys(facts).length === 0 ? codedOf(cause) : undefined;
  return inner?.code === code ? inner : { code, params: facts };
}

/** The params that fill placeholders (strings and numbers). */
function fillers(params: Coded['params']): Params {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  return out;
}

/** The words of a key, or undefined when some placeholder had no value. */
function filled(key: ErrorKey, params: Params): string | undefined {
  const text = catalogue.t(key, params);
  return /\{\w+\}/.test(text) ? undefined : text;
}

function invalidInputDetails(input: InvalidInput): string | undefined {
  switch (input.problem) {
    case 'issues': return Array.isArray(input.issues) ? describeIssues(input.issues, lang.value) : undefined;
    case 'text': return input.details;
    case 'unknown_mutation':
    case 'not_editable':
    case 'duplicate_id':
    case 'cannot_redo':
      return filled(`invalid_input.${input.problem}`, fillers(input));
    default:
      return undefined;
  }
}

function worded({ code, params }: Coded): string | undefined {
  if (code === 'logout_refused') {
    const pending = params.pending;
    return typeof pending === 'number' ? filled(pending > 1 ? 'logout_refused.many' : 'logout_refused.one', { pending }) : undefined;
  }
  if (code === 'invalid_input') {
    const details = invalidInputDetails(params as unknown as InvalidInput);
    return details === undefined ? undefined : filled('invalid_input', { details });
  }
  return isErrorKey(code) ? filled(code, fillers(params)) : undefined;
}

/** What went wrong, in the person's language. Reading it in a component subscribes the
 *  component to the language. */
export function errorText(error: unknown): string {
  const coded = codedOf(error);
  const text = coded && worded(coded);
  if (text !== undefined) return text;
  return error instanceof Error ? error.message : String(error);
}
