import type { Bench } from './common';
export const serverBench: Bench = { name: 'server', description: 'todo', async run() { return []; } };
