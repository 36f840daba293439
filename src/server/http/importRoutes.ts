import { Hono } from 'hono';
import * as z from 'zod/mini';
import { readEnvelope } from '../../shared/datainclusion/importDataInclusion';
import { reportLines } from '../../shared/datainclusion/planImport';
import { importDataInclusionFile } from '../sync/import/importDataInclusionFile';
import { ApiFailure } from './ApiFailure';
import { requireUser, type AppContext } from './AppContext';
import { readJsonBody } from './readJsonBody';

const IMPORTERS = ['staff', 'admin'] as const;
/** A data·inclusion file of a whole département is a few megabytes. */
export const IMPORT_BODY_BYTES = 10 * 1024 * 1024;

/**
 * `POST /api/import/datainclusion[?dryRun=1]`: a data·inclusion v1 file as the body (the
 * schema's `{structures, services}`, a list of structures, or pages of the API), imported
 * into the caller's territory by staff or an admin. The answer is the import's report,
 * the transfer screen's (shared/datainclusion/planImport.ts): each record created,
 * updated, unchanged or refused, each issue with record id, field and reason, and the
 * same as text lines (`report`). A dry run writes nothing. The server never fetches a
 * URL for a caller (the command line does, on the operator's machine).
 */
export function importRoutes(app: AppContext): Hono {
  const r = new Hono();
  r.post('/datainclusion', async (c) => {
    const user = await requireUser(app, c, IMPORTERS);
    const flag = c.req.query('dryRun');
    if (flag !== undefined && flag !== '1' && flag !== 'true' && flag !== '0' && flag !== 'false') {
      throw new ApiFailure('invalid_query', 'Paramètre invalide : dryRun vaut 1 ou 0.');
    }
    const dryRun = flag === '1' || flag === 'true';
    const json = await readJsonBody(c, z.unknown(), { limit: IMPORT_BODY_BYTES });
    if (!readEnvelope(json)) {
      throw new ApiFailure('invalid_body', 'Le fichier n’est pas au format data·inclusion : { "structures": [...], "services": [...] }, une liste de structures ou des pages de l’API ({ "items": [...] }).');
    }
    const outcome = await importDataInclusionFile(app.db, { territoryId: user.territoryId, json, dryRun, now: app.now(), actorId: user.id });
    if (outcome.kind === 'unknown_territory') throw new ApiFailure('unknown_territory', 'Le territoire de ce compte n’existe pas sur ce serveur.');
    const { plan, written } = outcome;
    return c.json({
      dryRun, written, counts: plan.counts, fileProblems: plan.fileProblems, records: plan.lines, report: reportLines(plan, { dryRun }),
    });
  });
  return r;
}
