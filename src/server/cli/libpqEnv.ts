import { CliError } from './CliError';

/** URL query parameters libpq understands, and the environment variable for each. */
const PARAMS: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  dbname: 'PGDATABASE',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  application_name: 'PGAPPNAME',
  connect_timeout: 'PGCONNECT_TIMEOUT',
};

/**
 * `DATABASE_URL` as libpq environment variables, for pg_dump, pg_restore and psql. The
 * URL is not passed as an argument: a password in it would show in `ps` and in the
 * process list of every user of the machine. Query parameters that the server's `pg`
 * driver and libpq both read (`?host=/var/run/postgresql` for a Unix socket,
 * `?sslmode=require`) are carried over; any other one is refused rather than silently
 * dropped, since the dump would then go to another server or without TLS.
 */
export function libpqEnv(databaseUrl: string): Record<string, string> {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new CliError('DATABASE_URL n’est pas une adresse valide.', 'DATABASE_URL is not a valid URL.');
  }
  const env: Record<string, string> = {};
  if (url.hostname) env.PGHOST = decodeURIComponent(url.hostname);
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  for (const [key, value] of url.searchParams) {
    const name = PARAMS[key];
    if (!name) {
      throw new CliError(
        `DATABASE_URL : paramètre « ${key} » non pris en charge par les outils de sauvegarde.`,
        `DATABASE_URL: parameter "${key}" is not supported by the backup tools.`,
      );
    }
    env[name] = value;
  }
  return env;
}
