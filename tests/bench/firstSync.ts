import type { Bench } from './common';
export const firstSyncBench: Bench = { name: 'sync', description: 'todo', async run() { return []; } };
