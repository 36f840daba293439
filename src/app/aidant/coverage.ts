import type { CoverageObservation } from '../../shared/domain/coverageObservation';
import { EFFECTIVE_TYPES } from '../../shared/domain/vocabularies';
import type { ItinerantSession } from '../../shared/domain/session';

/** What the browser says about its connection (Network Information API where it exists). */
export interface NetworkReading {
  online: boolean;
  effectiveType?: string;
  downlink?: number;
  rtt?: number;
}

export function readNetwork(nav: Navigator | undefined = typeof navigator === 'undefined' ? undefined : navigator): NetworkReading {
  const connection = (nav as (Navigator & { connection?: { effectiveType?: string; downlink?: number; rtt?: number } }) | undefined)?.connection;
  return {
    online: nav?.onLine !== false,
    ...(connection?.effectiveType !== undefined ? { effectiveType: connection.effectiveType } : {}),
    ...(typeof connection?.downlink === 'number' ? { downlink: connection.downlink } : {}),
    ...(typeof connection?.rtt === 'number' ? { rtt: connection.rtt } : {}),
  };
}

/**
 * A coverage observation at the session's stop. Figures the browser gives with no network
 * (Chromium keeps the last effectiveType) are only kept when it says it is online.
 */
export function coverageObservation(session: ItinerantSession, reading: NetworkReading, id: string, at: Date): CoverageObservation {
  const type = (EFFECTIVE_TYPES as readonly string[]).includes(reading.effectiveType ?? '') ? reading.effectiveType as CoverageObservation['effectiveType'] : undefined;
  return {
    id,
    territoryId: session.territoryId,
    sessionId: session.id,
    ...(session.stopId ? { stopId: session.stopId } : {}),
    insee: session.insee,
    observedAt: at.toISOString(),
    online: reading.online,
    ...(reading.online && type ? { effectiveType: type } : {}),
    ...(reading.online && reading.downlink !== undefined && reading.downlink <= 10_000 ? { downlinkMbps: reading.downlink } : {}),
    ...(reading.online && reading.rtt !== undefined && reading.rtt <= 60_000 ? { rttMs: reading.rtt } : {}),
  };
}

/** Every ~10 minutes while a session is open. */
export const COVERAGE_EVERY_MS = 10 * 60_000;

/** Ids of records made here; one implementation for the whole app. */
export { uuidV4 as newId } from '../ids/uuidV4';
