import { describe, expect, it } from 'vitest';
import { canCorrect, canReadNotes, visitSendState } from '../../../src/shared/visits/canCorrect';

const VISIT_ID = '0b6c2a3e-6f1d-4c8a-9a57-3f4e2d1c0b9a';
const visit = { id: VISIT_ID, aidantId: 'aidant-marie' };
const outbox = [
  { id: 7, name: 'session.open@1', args: { id: VISIT_ID } },
  { id: 8, name: 'visit.create@1', args: { id: '9a9a9a9a-6f1d-4c8a-9a57-3f4e2d1c0b9a' } },
  { id: 9, name: 'visit.create@1', args: { id: VISIT_ID } },
];

describe('visitSendState', () => {
  it('is queued while its visit.create entry waits, pushing once a push took it, sent once it left', () => {
    expect(visitSendState(VISIT_ID, outbox, new Set())).toBe('queued');
    expect(visitSendState(VISIT_ID, outbox, new Set([7, 8]))).toBe('queued');
    expect(visitSendState(VISIT_ID, outbox, new Set([8, 9]))).toBe('pushing');
    expect(visitSendState(VISIT_ID, outbox.slice(0, 2), new Set())).toBe('sent');
  });
});

describe('canCorrect', () => {
  it('lets the author edit in place while queued', () => {
    expect(canCorrect(visit, 'queued', 'aidant-marie')).toEqual({ editable: true });
  });

  it('sends a correction to the office once the push has started or ended', () => {
    expect(canCorrect(visit, 'pushing', 'aidant-marie')).toEqual({ editable: false, reason: 'push-started', via: 'correction.propose@1' });
    expect(canCorrect(visit, 'sent', 'aidant-marie')).toEqual({ editable: false, reason: 'sent', via: 'correction.propose@1' });
  });

  it('never lets another aidant correct it, nor read its notes', () => {
    expect(canCorrect(visit, 'queued', 'aidant-paul')).toEqual({ editable: false, reason: 'not-author' });
    expect(canReadNotes(visit, 'aidant-paul')).toBe(false);
    expect(canReadNotes(visit, 'aidant-marie')).toBe(true);
  });
});
