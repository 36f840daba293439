// Pure checks of input as parsed from JSON, in src/shared so that any runtime can make
// them: the server runs them on every request body (src/server/http/readJsonBody.ts) and
// on each mutation's arguments before applying it (src/server/sync/push), and a device
// could run the same before it queues a change.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL text and jsonb refuse NUL and unpaired UTF-16 surrogates. Returns the path of
 * the first such string (or key), or undefined. Iterative, so hostile nesting depth cannot
 * overflow the stack; gives up (reports the root) past `maxNodes`.
 */
export function findUnstorableText(value: unknown, maxNodes = 200_000): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  let seen = 0;
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (++seen > maxNodes) return path;
    if (typeof v === 'string') {
      if (v.includes('\u0000') || LONE_SURROGATE.test(v)) return path;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}[${i + 1}]`]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000') || LONE_SURROGATE.test(k)) return path;
        stack.push([item, path ? `${path}.${k}` : k]);
      }
    }
  }
  return undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Path of the first `__proto__`/`constructor`/`prototype` key, or undefined. JSON.parse
 * makes them plain own keys, but a later copy through assignment (as schema parsers do)
 * would turn `__proto__` into a prototype: such input is refused outright.
 */
export function findForbiddenKey(value: unknown, maxNodes = 200_000): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  let seen = 0;
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (++seen > maxNodes) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, `${path}[${i + 1}]`]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (FORBIDDEN_KEYS.has(k)) return path ? `${path}.${k}` : k;
        stack.push([item, path ? `${path}.${k}` : k]);
      }
    }
  }
  return undefined;
}
