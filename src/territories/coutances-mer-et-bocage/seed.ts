// Seed data of Communauté de communes Coutances Mer et Bocage (SIREN 200067023).
// Written by `npm run territory:create` from the official lists in data/france/; see
// README.md beside this file for the sources and what is still to fill. Checked against
// the shared domain schemas when it loads.

import type { TerritorySeed } from '../../shared/domain/territorySeed';
import { parseSeedFiles } from '../parseSeedFiles';
import checklists from './checklists.json';
import mobility from './mobility.json';
import places from './places.json';
import territory from './territory.json';
import tours from './tours.json';

export const coutancesMerEtBocageSeed: TerritorySeed = parseSeedFiles('coutances-mer-et-bocage', { territory, places, tours, mobility, checklists });
