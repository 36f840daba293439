import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EncodedPage } from '../../../src/server/sync/pull/EncodedPage';
import { PagePrefix } from '../../../src/server/sync/pull/PagePrefix';

/** Text of realistic shape: repeated fields, accents, a character outside the BMP. */
function rows(n: number): string {
  return Array.from({ length: n }, (_, i) => `{"id":"lieu-${i}","name":"Mairie de Saint-Romain-sur-Vienne ${i}","hours":"Mo-Fr 09:00-12:00","note":"Accès PMR ♿ 🚌"}`).join(',');
}

describe('PagePrefix (a page start gzipped once, shared by many answers)', () => {
  it('makes one gzip stream that decodes to prefix + rest, for every tail', async () => {
    const prefix = new PagePrefix(`{"changes":[${rows(300)}`);
    for (const rest of ['],"cursor":"1.a.42","hasMore":true,"lastMutationId":7}', '', 'é', `],"x":"${'z'.repeat(70_000)}"}`]) {
      const zipped = await prefix.gzipWith(rest);
      // gunzip checks the CRC-32 and the length in the trailer: a wrong one throws.
      expect(gunzipSync(zipped).toString('utf8')).toBe(prefix.text + rest);
    }
  });

  it('compresses the shared text once, whatever the number of answers', async () => {
    const prefix = new PagePrefix(`{"changes":[${rows(300)}`);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => prefix.gzipWith(`],"lastMutationId":${i}}`)));
    answers.forEach((a, i) => expect(gunzipSync(a).toString('utf8')).toBe(`${prefix.text}],"lastMutationId":${i}}`));
    // About the size of gzipping the whole text at once (the tail is a few bytes more).
    expect(answers[0]!.byteLength).toBeLessThan(prefix.text.length / 5);
  });

  it('serves an EncodedPage with a prefix: its JSON, its UTF-8 and its gzip agree', async () => {
    const prefix = new PagePrefix(`{"changes":[${rows(50)}`);
    const page = new EncodedPage('],"cursor":"c","hasMore":false,"lastMutationId":null}', prefix);
    expect(JSON.parse(page.json).changes).toHaveLength(50);
    expect(page.bytes).toBe(page.json.length);
    expect(new TextDecoder().decode(page.utf8)).toBe(page.json);
    expect(gunzipSync(await page.encoded('gzip')).toString('utf8')).toBe(page.json);
  });
});
