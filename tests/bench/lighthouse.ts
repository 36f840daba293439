import type { Bench } from './common';
export const lighthouseBench: Bench = { name: 'lighthouse', description: 'todo', async run() { return []; } };
