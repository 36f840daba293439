import { exportDataInclusion } from '../../../src/shared/datainclusion/exportDataInclusion';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';

/**
 * A data·inclusion v1 file of three new structures (copies of seed places under new ids):
 * two valid, and « Lieu cassé » whose INSEE code and postcode are not codes.
 */
export function diFileWithOneInvalid(): { structures: Record<string, unknown>[]; services: Record<string, unknown>[] } {
  const file = JSON.parse(JSON.stringify(exportDataInclusion(seed.places.slice(0, 3), seed.territory, { today: '2026-12-01' }))) as {
    structures: Record<string, unknown>[];
    services: Record<string, unknown>[];
  };
  const rename = new Map(file.structures.map((s, i) => [s.id as string, `import-test-${i + 1}`]));
  for (const s of file.structures) {
    s.id = rename.get(s.id as string);
    s.nom = `${String(s.nom)} (import)`;
  }
  for (const s of file.services) {
    s.structure_id = rename.get(s.structure_id as string);
    s.id = `${String(s.structure_id)}--${String(s.id).split('--').pop()}`;
  }
  const broken = file.structures[1]!;
  broken.nom = 'Lieu cassé';
  broken.code_insee = 'pas-un-code';
  broken.code_postal = 'xx';
  return file;
}
