import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { nonEmptyText, territoryIdSchema } from '../../shared/domain/common';
import { loginSchema } from '../../shared/domain/user';
import { ROLES } from '../../shared/domain/vocabularies';
import { createAccount, LoginTakenError } from '../auth/accounts';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/openDatabase';
import { findPgliteHolder } from './findPgliteHolder';

// Creates an account from the shell, on the database the server would use
// (DATABASE_URL or ESCALE_DATA_DIR):
//   node --import tsx src/server/cli/createAccount.ts --login marie --role aidant --name "Marie D." [--territory slug]
// The password comes from ESCALE_PASSWORD, or is asked on stdin (never a flag: flags end
// up in the shell history and in `ps`).

const USAGE = 'usage: createAccount --login <login> --role aidant|staff|admin --name "<display name>" [--territory <slug>]';

async function readPassword(): Promise<string> {
  if (process.env.ESCALE_PASSWORD) return process.env.ESCALE_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  try {
    return (await rl.question('Mot de passe (10 caractères minimum) : ')).trim();
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { login: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, territory: { type: 'string' } },
  });
  const config = loadConfig();
  const input = z.safeParse(
    z.object({ login: loginSchema, role: z.enum(ROLES), displayName: nonEmptyText(100), territoryId: territoryIdSchema }),
    { login: values.login, role: values.role, displayName: values.name, territoryId: values.territory ?? config.territoryId },
  );
  if (!input.success) {
    console.error(`${USAGE}\n${input.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    return 2;
  }
  const password = await readPassword();
  if (password.length < 10 || password.length > 200) {
    console.error('Le mot de passe doit avoir de 10 à 200 caractères.');
    return 2;
  }
  // PGlite is one backend inside the server's process: a second process opening the same
  // folder would write its files too and corrupt it. PostgreSQL has no such limit.
  const holder = config.databaseUrl ? undefined : findPgliteHolder(config.dataDir);
  if (typeof holder === 'number') {
    console.error(`La base ${config.dataDir} est ouverte par le processus ${holder} (le serveur ?) : arrêtez-le, ou créez le compte dans l’espace du bureau (/bureau/comptes).`);
    console.error(`The database ${config.dataDir} is open in process ${holder} (the server?): stop it, or create the account in the office space (/bureau/comptes).`);
    return 2;
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const user = await createAccount(db, { ...input.data, password });
    console.log(`Compte créé : ${user.login} (${user.role}, ${user.territoryId}), id ${user.id}`);
    return 0;
  } catch (error) {
    if (error instanceof LoginTakenError) {
      console.error(`L’identifiant « ${input.data.login} » existe déjà.`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
