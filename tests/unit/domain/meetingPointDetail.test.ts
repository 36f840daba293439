import { describe, expect, test } from 'vitest';
import { meetingPointDetail } from '../../../src/shared/domain/meetingPointDetail';

describe('what a meeting point adds to its commune', () => {
  test('nothing when it only names the commune or its centre', () => {
    expect(meetingPointDetail('Centre de Civray', 'Civray')).toBeUndefined();
    expect(meetingPointDetail("Centre d'Asnois", 'Asnois')).toBeUndefined();
    expect(meetingPointDetail('centre de Saint-Pierre-d’Exideuil', "Saint-Pierre-d'Exideuil")).toBeUndefined();
    expect(meetingPointDetail('Gencay', 'Gençay')).toBeUndefined();
    expect(meetingPointDetail('Bourg de Brux', 'Brux')).toBeUndefined();
  });

  test('the point itself when it says where', () => {
    expect(meetingPointDetail('Place du marché', 'Civray')).toBe('Place du marché');
    expect(meetingPointDetail('Centre social de Civray', 'Civray')).toBe('Centre social de Civray');
    expect(meetingPointDetail('Centre de Gençay', 'Civray')).toBe('Centre de Gençay');
  });
});
