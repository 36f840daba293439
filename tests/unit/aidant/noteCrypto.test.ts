import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/app/crypto/base64';
import { deriveKey, newSalt, PBKDF2_ITERATIONS } from '../../../src/app/aidant/crypto/deriveKey';
import { CorruptNoteError, WrongPinError } from '../../../src/app/aidant/crypto/errors';
import { decryptNote, encryptNote, type NoteBox } from '../../../src/app/aidant/crypto/noteBox';
import { openVisitNotes, sealVisitNotes } from '../../../src/app/aidant/crypto/visitNotes';
import type { VisitLog } from '../../../src/shared/domain/visitLog';

// Most tests derive with 1,000 iterations to stay fast; one uses the real count.
const FAST = 1_000;
const salt = newSalt();
const NOTE = 'Revient mardi avec l’avis d’imposition — dossier CSS à finir. ✓';

const flipByte = (b64: string, index: number): string => {
  const bytes = fromBase64(b64)!;
  bytes[index] = bytes[index]! ^ 0x01;
  return toBase64(bytes);
};

describe('deriveKey', () => {
  it('gives a non-extractable AES-GCM 256 key for encrypt/decrypt only', async () => {
    const { key } = await deriveKey('482913', salt, FAST);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('is deterministic per PIN and salt, and differs with either', async () => {
    const a = await deriveKey('482913', salt, FAST);
    expect((await deriveKey('482913', salt, FAST)).check).toBe(a.check);
    expect((await deriveKey('482914', salt, FAST)).check).not.toBe(a.check);
    expect((await deriveKey('482913', newSalt(), FAST)).check).not.toBe(a.check);
    expect(a.check).not.toContain('482913');
  });

  it('round-trips at the real iteration count', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const k = await deriveKey('482913', salt);
    expect(await decryptNote(k, await encryptNote(k, NOTE))).toBe(NOTE);
    const wrong = await deriveKey('482931', salt);
    await expect(decryptNote(wrong, await encryptNote(k, NOTE))).rejects.toBeInstanceOf(WrongPinError);
  });
});

describe('encryptNote / decryptNote', () => {
  it('round-trips any text, accents and emoji included (property)', async () => {
    const k = await deriveKey('482913', salt, FAST);
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
      expect(await decryptNote(k, await encryptNote(k, text))).toBe(text);
    }), { numRuns: 50 });
    const longest = '€'.repeat(1000);
    expect(await decryptNote(k, await encryptNote(k, longest))).toBe(longest);
  });

  it('refuses to seal what it could not open again', async () => {
    const k = await deriveKey('482913', salt, FAST);
    await expect(encryptNote(k, 'x'.repeat(20_000))).rejects.toBeInstanceOf(RangeError);
  });

  it('never shows the plaintext and uses a fresh 96-bit IV each time', async () => {
    const k = await deriveKey('482913', salt, FAST);
    const a = await encryptNote(k, NOTE);
    const b = await encryptNote(k, NOTE);
    expect(a.v).toBe(1);
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toContain('imposition');
  });

  it('a wrong PIN cannot read the note', async () => {
    const right = await deriveKey('482913', salt, FAST);
    const box = await encryptNote(right, NOTE);
    const wrong = await deriveKey('482914', salt, FAST);
    await expect(decryptNote(wrong, box)).rejects.toBeInstanceOf(WrongPinError);
    // Even with the check value forged to match, the wrong key fails the GCM tag.
    await expect(decryptNote(wrong, { ...box, kc: wrong.check })).rejects.toBeInstanceOf(CorruptNoteError);
  });

  it('detects tampering with the ciphertext, the tag or the IV', async () => {
    const k = await deriveKey('482913', salt, FAST);
    const box = await encryptNote(k, NOTE);
    const ctLength = fromBase64(box.ct)!.length;
    for (const bad of [
      { ...box, ct: flipByte(box.ct, 0) },
      { ...box, ct: flipByte(box.ct, ctLength - 1) },
      { ...box, iv: flipByte(box.iv, 5) },
    ] satisfies NoteBox[]) {
      await expect(decryptNote(k, bad)).rejects.toBeInstanceOf(CorruptNoteError);
    }
  });

  it('refuses malformed boxes as corrupt, with a French message', async () => {
    const k = await deriveKey('482913', salt, FAST);
    const box = await encryptNote(k, NOTE);
    for (const bad of [null, 'texte', { ...box, v: 2 }, { ...box, iv: '***' }, { ...box, iv: toBase64(new Uint8Array(8)) }, { ...box, ct: 'AAAA' }]) {
      await expect(decryptNote(k, bad)).rejects.toBeInstanceOf(CorruptNoteError);
    }
    await expect(decryptNote(k, null)).rejects.toThrow('Cette note est illisible (format inconnu).');
  });

  it('binds a note to its visit when a context is given', async () => {
    const k = await deriveKey('482913', salt, FAST);
    const box = await encryptNote(k, NOTE, 'visit-a');
    expect(await decryptNote(k, box, 'visit-a')).toBe(NOTE);
    await expect(decryptNote(k, box, 'visit-b')).rejects.toBeInstanceOf(CorruptNoteError);
    await expect(decryptNote(k, box)).rejects.toBeInstanceOf(CorruptNoteError);
  });
});

describe('sealVisitNotes / openVisitNotes', () => {
  const visit: VisitLog = {
    id: '0b6c2a3e-6f1d-4c8a-9a57-3f4e2d1c0b9a', territoryId: 'civraisien-en-poitou', aidantId: 'aidant-marie',
    createdAt: '2026-11-22T10:15:00+01:00', kind: 'individuel', participants: 1, durationMinutes: 30,
    themes: ['sante'], procedures: ['ameli'], autonomy: 'autonome', referral: [], ageBand: 'non-communique',
    equipment: [], checklistRuns: [], notes: NOTE,
  };

  it('stores no plaintext note and gives the full visit back to its author', async () => {
    const k = await deriveKey('482913', salt, FAST);
    const sealed = await sealVisitNotes(k, visit);
    expect(JSON.stringify(sealed)).not.toContain('imposition');
    expect('notes' in sealed.visit).toBe(false);
    expect(await openVisitNotes(k, sealed)).toEqual(visit);
    const other = await deriveKey('271828', newSalt(), FAST);
    await expect(openVisitNotes(other, sealed)).rejects.toBeInstanceOf(WrongPinError);
  });

  it('needs no box for a visit without notes', async () => {
    const k = await deriveKey('482913', salt, FAST);
    const { notes: _none, ...bare } = visit;
    expect(await sealVisitNotes(k, bare)).toEqual({ visit: bare });
  });
});
