import { describe, expect, it } from 'vitest';
import { coverageObservation, readNetwork } from '../../../src/app/aidant/coverage';
import { coverageObservationSchema } from '../../../src/shared/domain/coverageObservation';
import type { ItinerantSession } from '../../../src/shared/domain/session';

const session: ItinerantSession = {
  id: '3b8f3c1e-6f7a-4c39-9a56-2f1d7e3c9b10', territoryId: 'civraisien-en-poitou', tourId: 'tour-1', stopId: 'stop-1',
  insee: '86078', vehicle: 'minibus', date: '2026-12-01', startedAt: '2026-12-01T08:30:00.000Z',
  aidantIds: ['aidant-marie'], aidantNames: ['Marie'],
};
const at = new Date('2026-12-01T08:31:00Z');
const id = 'a9f0c2d4-5b6e-4f70-8a91-b2c3d4e5f607';

describe('coverage observations', () => {
  it('keep the Network Information figures when the browser is online', () => {
    const nav = { onLine: true, connection: { effectiveType: '3g', downlink: 1.4, rtt: 300 } } as unknown as Navigator;
    const o = coverageObservation(session, readNetwork(nav), id, at);
    expect(coverageObservationSchema.parse(o)).toEqual({
      id, territoryId: session.territoryId, sessionId: session.id, stopId: 'stop-1', insee: '86078',
      observedAt: at.toISOString(), online: true, effectiveType: '3g', downlinkMbps: 1.4, rttMs: 300,
    });
  });

  it('offline: no stale figures (Chromium keeps the last effectiveType)', () => {
    const nav = { onLine: false, connection: { effectiveType: '4g', downlink: 10, rtt: 50 } } as unknown as Navigator;
    const o = coverageObservation(session, readNetwork(nav), id, at);
    expect(o).toMatchObject({ online: false });
    expect(o.effectiveType).toBeUndefined();
    expect(o.downlinkMbps).toBeUndefined();
  });

  it('a browser without the API: online or not, nothing more', () => {
    const o = coverageObservation(session, readNetwork({ onLine: true } as Navigator), id, at);
    expect(coverageObservationSchema.parse(o).online).toBe(true);
    expect(o.effectiveType).toBeUndefined();
  });
});
