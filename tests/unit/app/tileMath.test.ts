import { describe, expect, test } from 'vitest';
import { countTiles, latToTileY, lonToTileX, tileUrl } from '../../../src/app/map/tileMath';

describe('tile arithmetic for "keep the map offline"', () => {
  test('the territory holds 761 tiles from zoom 8 to 14, 2,819 up to 15 (docs/interface.md)', () => {
    const bbox = [0.108, 46.048, 0.55, 46.412] as const;
    expect(countTiles(bbox, 8, 14)).toBe(761);
    expect(countTiles(bbox, 8, 15)).toBe(2819);
  });

  test('known tile of Poitiers at zoom 10, and URL templates', () => {
    expect(lonToTileX(0.34, 10)).toBe(512);
    expect(latToTileY(46.58, 10)).toBe(361);
    expect(tileUrl('/tiles/{z}/{x}/{y}.png', { z: 10, x: 512, y: 361 })).toBe('/tiles/10/512/361.png');
    expect(tileUrl('https://x/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}', { z: 9, x: 1, y: 2 })).toBe('https://x/wmts?TILEMATRIX=9&TILEROW=2&TILECOL=1');
  });
});
