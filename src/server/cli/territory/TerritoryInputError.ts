/**
 * Bad input to `territory:create`: every problem found, not just the first, so one run
 * tells the user all that must be fixed. Nothing has been written when it is thrown.
 */
export class TerritoryInputError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly string[],
  ) {
    super(`${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TerritoryInputError';
  }
}
