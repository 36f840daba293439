import type { Bench } from './common';
export const coldStartBench: Bench = { name: 'coldstart', description: 'todo', async run() { return []; } };
