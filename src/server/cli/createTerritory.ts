import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createTerritoryFolder } from './territory/createTerritoryFolder';
import { TerritoryInputError } from './territory/TerritoryInputError';

// Writes a complete territory folder from the official lists in data/france/, offline:
//   npm run territory:create -- --epci 200070035
//   npm run territory:create -- --communes 86078,86103 --slug test-sud --name "Sud du Civraisien"
// See the "Creating a territory" section of src/territories/README.md for every option.

const USAGE = `usage: npm run territory:create -- (--epci <SIREN> | --communes <INSEE,…>) [options]
  --epci <SIREN[,SIREN…]>   the EPCI à fiscalité propre (2026 DGCL list) whose communes make the territory
  --communes <INSEE,…>      or a custom list of current communes (then --slug and --name are required)
  --slug <id>               territory id and folder name (default: from the EPCI's name)
  --name <text>             territory name (default: the EPCI's name, in full)
  --siren <SIREN>           SIREN recorded as epciCode (default: the EPCI's; required when the communes span several)
  --outlines <file>         GeoJSON commune outlines, matched by INSEE code (other features ignored)
  --poles <INSEE,…>         the main towns (default: none, left to the office)
  --out <dir>               where to write (default: src/territories/<slug>, then registered in src/territories/index.ts)
  --force                   replace an existing folder
  --empty-checklists        start with no checklist instead of the national ones`;

const list = (values: string[] | undefined) => values?.flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean);

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        epci: { type: 'string', multiple: true },
        communes: { type: 'string', multiple: true },
        slug: { type: 'string' },
        name: { type: 'string' },
        siren: { type: 'string' },
        outlines: { type: 'string' },
        poles: { type: 'string', multiple: true },
        out: { type: 'string' },
        force: { type: 'boolean' },
        'empty-checklists': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const created = createTerritoryFolder({
      epci: list(values.epci),
      communes: list(values.communes),
      slug: values.slug,
      name: values.name,
      siren: values.siren,
      outlines: values.outlines,
      poles: list(values.poles),
      out: values.out,
      force: values.force,
      emptyChecklists: values['empty-checklists'],
      commandLine: `npm run territory:create -- ${process.argv.slice(2).map((a) => (/^[\w.,:/=@-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`,
    });
    const { territory, checklists } = created.seed;
    const population = territory.communes.reduce((s, c) => s + c.population, 0);
    console.log(`Wrote ${relative(process.cwd(), created.dir) || '.'}/: ${territory.name} (${territory.id}, SIREN ${territory.epciCode})`);
    console.log(`  ${territory.communes.length} communes, ${population} inhabitants, ${territory.outlines.features.length} outlines, bbox [${territory.bbox.join(', ')}]`);
    const h = territory.schoolHolidays;
    console.log(`  school holidays (${territory.region}): ${h.length ? `${h.length} periods, ${h[0]!.from} to ${h[h.length - 1]!.to}` : 'none'}`);
    console.log(`  ${checklists.length} checklists (unreviewed), no place, tour or mobility offer yet`);
    for (const w of created.warnings) console.log(`  warning: ${w}`);
    if (created.registered) console.log(`Registered in src/territories/index.ts. Serve it with: ESCALE_TERRITORY=${territory.id} npm start`);
    else if (created.inPlace) console.log('Already registered in src/territories/index.ts.');
    else console.log('Written outside src/territories, so not registered: run it again without --out to add it to the app.');
    return 0;
  } catch (error) {
    if (error instanceof TerritoryInputError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
