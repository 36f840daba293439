import type { Bench } from './common';
export const chaosBench: Bench = { name: 'chaos', description: 'todo', async run() { return []; } };
