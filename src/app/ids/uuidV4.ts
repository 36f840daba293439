/**
 * A random UUID v4 for records made on a device (visits, sessions, coverage, the device id).
 * `crypto.randomUUID` exists only in secure contexts (https, localhost); a tablet opening
 * the app over plain http on the office network still needs ids, so fall back to
 * `getRandomValues`, which every browser has.
 */
export function uuidV4(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
