import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { nonEmptyText, territoryIdSchema } from '../../../shared/domain/common';
import { civraisienEnPoitouSeed } from '../../../territories/civraisien-en-poitou/seed';
import { buildTerritoryFolder, WRITTEN_BY, type TerritoryFolder } from './buildTerritoryFolder';
import { fullEpciName, MAX_SLUG_LENGTH, seedExportName, slugFromName } from './epciNaming';
import { loadFranceData, type FranceData } from './loadFranceData';
import { nationalChecklists } from './nationalChecklists';
import { readOutlines } from './readOutlines';
import { registerTerritory } from './registerTerritory';
import { resolveArea } from './resolveArea';
import { TerritoryInputError } from './TerritoryInputError';
import { writeFolderAtomically } from './writeFolderAtomically';

// `npm run territory:create`: from official codes to a territory folder under
// src/territories/, registered in its index.ts. Every input is checked before anything
// is written; the folder appears whole or not at all.

export const TERRITORIES_DIR = resolve(import.meta.dirname, '../../../territories');

export interface CreateTerritoryOptions {
  epci?: string[];
  communes?: string[];
  slug?: string;
  name?: string;
  siren?: string;
  outlines?: string;
  poles?: string[];
  /** Default: src/territories/<slug>, which also registers it in src/territories/index.ts. */
  out?: string;
  force?: boolean;
  emptyChecklists?: boolean;
  commandLine?: string;
  now?: Date;
  data?: FranceData;
  territoriesDir?: string;
}

export interface CreatedTerritory extends TerritoryFolder {
  dir: string;
  /** Written as src/territories/<slug> (else under --out, and not registered). */
  inPlace: boolean;
  /** Whether src/territories/index.ts was changed. */
  registered: boolean;
}

export function createTerritoryFolder(options: CreateTerritoryOptions): CreatedTerritory {
  const data = options.data ?? loadFranceData();
  const now = options.now ?? new Date();
  const territoriesDir = options.territoriesDir ?? TERRITORIES_DIR;
  if (options.epci?.length && options.communes?.length) {
    throw new TerritoryInputError('Give either --epci or --communes (nothing was written):', ['for an EPCI with a few more communes, list them all with --communes']);
  }
  const area = resolveArea(data, { epci: options.epci, communes: options.communes });

  const problems: string[] = [];
  let siren = options.siren;
  if (siren !== undefined && !/^\d{9}$/.test(siren)) problems.push(`--siren "${siren}" is not a SIREN (9 digits)`);
  if (siren === undefined) {
    const owners = area.epcis.length ? area.epcis : [...new Set(area.communes.map((c) => data.epciOf.get(c.insee)).filter((e) => e !== undefined))];
    if (owners.length === 1) siren = owners[0]!.siren;
    else {
      problems.push(
        owners.length
          ? `the communes belong to ${owners.length} EPCI (${owners.map((e) => `${e.siren} ${e.name}`).join('; ')}): give --siren <SIREN of the structure that runs the service>`
          : 'the communes belong to no EPCI: give --siren <SIREN of the structure that runs the service>',
      );
    }
  }
  const single = area.epcis.length === 1 ? area.epcis[0] : undefined;
  const name = options.name ?? (single ? fullEpciName(single.name) : undefined);
  if (name === undefined) problems.push('give --name "<name of the territory>" (it is only implied by a single --epci)');
  else if (!nonEmptyText(200).safeParse(name).success) problems.push('--name must have 1 to 200 characters');
  const slug = options.slug ?? (single ? slugFromName(single.name) : undefined);
  if (slug === undefined) problems.push('give --slug <territory-id> (lowercase words joined by -, e.g. pays-loudunais)');
  else if (!territoryIdSchema.safeParse(slug).success || slug.length > MAX_SLUG_LENGTH) {
    problems.push(`--slug "${slug}" must be lowercase letters and digits joined by single "-", at most ${MAX_SLUG_LENGTH} characters`);
  }
  const poles = [...new Set((options.poles ?? []).map((p) => p.toUpperCase()))];
  if (problems.length) throw new TerritoryInputError(`The territory cannot be written (nothing was written):`, problems);

  const target = resolve(options.out ?? join(territoriesDir, slug!));
  const inPlace = target === join(territoriesDir, slug!);
  const outlines = options.outlines ? readOutlines(options.outlines, area.communes, data) : undefined;
  const exportName = seedExportName(slug!);
  // seed.ts imports the shared parser by a relative path: '..' in place, else computed.
  const fromTarget = (to: string) => {
    const path = relative(target, to).split(sep).join('/');
    return path.startsWith('.') ? path : `./${path}`;
  };

  const folder = buildTerritoryFolder(data, {
    slug: slug!,
    name: name!,
    siren: siren!,
    communes: area.communes,
    outlines,
    outlineFile: options.outlines ? basename(options.outlines) : undefined,
    poles,
    checklists: options.emptyChecklists ? [] : nationalChecklists(civraisienEnPoitouSeed, slug!),
    now,
    commandLine: options.commandLine ?? 'npm run territory:create',
    parseSeedImport: fromTarget(join(territoriesDir, 'parseSeedFiles')),
    seedTypeImport: fromTarget(join(territoriesDir, '../shared/domain/territorySeed')),
    exportName,
  });

  // --force replaces what the command wrote, never a hand-written seed (the Civraisien's
  // places, tours and offers would be lost).
  const existingSeed = join(target, 'seed.ts');
  if (options.force && existsSync(target) && !(existsSync(existingSeed) && readFileSync(existingSeed, 'utf8').includes(WRITTEN_BY))) {
    throw new TerritoryInputError('The folder exists and was not written by territory:create (nothing was written):', [
      `${target}: its seed.ts does not say "${WRITTEN_BY}"; it is not replaced, even with --force`,
    ]);
  }

  // Registration is computed first, so an index.ts it cannot edit stops everything here.
  const indexFile = join(territoriesDir, 'index.ts');
  const newIndex = inPlace ? registerTerritory(indexFile, slug!, exportName) : undefined;
  writeFolderAtomically(target, folder.files, { force: options.force });
  if (newIndex !== undefined) {
    try {
      writeFileSync(`${indexFile}.tmp`, newIndex);
      renameSync(`${indexFile}.tmp`, indexFile);
    } catch (error) {
      // A folder that index.ts does not know would be half a territory: take it back.
      rmSync(target, { recursive: true, force: true });
      rmSync(`${indexFile}.tmp`, { force: true });
      throw error;
    }
  }
  return { ...folder, dir: target, inPlace, registered: newIndex !== undefined };
}
