import type { Territory } from '../../../shared/domain/territory';

// The README.md of a folder written by `territory:create`: where each fact comes from,
// what is empty and who fills it. Nothing in it is presented as checked that was not.

export interface ReadmeInput {
  territory: Territory;
  commandLine: string;
  outlineFile?: string;
  checklists: readonly unknown[];
  warnings: readonly string[];
  now: Date;
}

export function territoryReadme({ territory: t, commandLine, outlineFile, checklists, warnings, now }: ReadmeInput): string {
  const population = t.communes.reduce((sum, c) => sum + c.population, 0);
  const largest = [...t.communes].sort((a, b) => b.population - a.population).slice(0, 3);
  const holidays = t.schoolHolidays;
  const fmt = (n: number) => n.toLocaleString('en-GB');
  const lines = [
    `# ${t.name}`,
    '',
    `Territory \`${t.id}\`, SIREN ${t.epciCode}: ${t.communes.length} communes, ${fmt(population)} inhabitants (population municipale).`,
    `Written on ${now.toISOString().slice(0, 10)} by:`,
    '',
    '```',
    commandLine,
    '```',
    '',
    'Run it again with `--force` to rebuild the folder from the same data (this README and the',
    'JSON files are replaced: keep hand edits elsewhere, or redo them).',
    '',
    '## Where the facts come from',
    '',
    '- **Communes** (INSEE codes, names, postcodes, population municipale): `data/france/`, derived',
    '  from `@etalab/decoupage-administratif` 6.0.0 (INSEE COG, DGCL list of EPCI members, 1 January',
    '  2026). See `data/france/README.md`. These are official lists, not facts checked on site.',
    '- **Points**: the commune centres of `communes-france-2024.csv` (INSEE COG 2024 and the official',
    '  postcode base; copied into `data/france/communes.csv`): a geometric centre, not the town hall.',
    '  Each commune\'s `pointSource` says which point it has.',
    outlineFile
      ? `- **Outlines**: from \`${outlineFile}\`, matched by INSEE code, coordinates rounded to 5 decimals. For display, not legal limits.`
      : '- **Outlines**: none given. The map shows tiles and commune centres only; the bounding box is the commune centres widened by about 5.5 km. Re-run with `--outlines <file.geojson>` (IGN Admin Express, simplified) to draw the communes.',
    `- **Bounding box**: [${t.bbox.join(', ')}] (west, south, east, north).`,
    holidays.length
      ? `- **School holidays**: ${holidays.length} periods, ${holidays[0]!.from} to ${holidays[holidays.length - 1]!.to}, region ${t.region}, as the \`opening_hours\` library bundles them. Add later years from education.gouv.fr (by sync, or in \`territory.json\`).`
      : `- **School holidays**: none known for ${t.region} (the \`opening_hours\` library has no data for it): rules with \`SH\` say "unknown" until they are added.`,
    '',
    '## Still to decide or fill (by the office)',
    '',
    t.poles.length
      ? `- **Poles**: ${t.poles.map((p) => `${p.name} (${p.insee})`).join(', ')}, as given with \`--poles\`.`
      : `- **Poles**: none. They are a local decision, not an official list. The most populous communes are ${largest.map((c) => `${c.name} (${c.insee}, ${fmt(c.population)})`).join(', ')}: re-run with \`--poles <INSEE,…>\` to set them.`,
    '- **Places** (`places.json`), **tours** (`tours.json`), **mobility offers** (`mobility.json`):',
    '  empty. Enter them in the staff screens, or import a data·inclusion export (staff screen',
    '  « Transfert »). Follow the `verifiedAt` rule of `src/territories/README.md`.',
    checklists.length
      ? `- **Checklists**: ${checklists.length} national procedures copied from the Civraisien seed without its places and local mentions (no place to go is named, only categories such as France Services or town hall: the app lists the places of those categories once the directory has some). None is reviewed (\`reviewedAt: ''\`): check each against service-public.fr before relying on it.`
      : '- **Checklists**: none (written with `--empty-checklists`).',
    '- **Headquarters**: no `headquartersPlaceId` until the office adds its own place.',
  ];
  if (warnings.length) lines.push('', '## Warnings when it was written', '', ...warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}
