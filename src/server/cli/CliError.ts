/**
 * A refusal or failure of a command-line tool that the person at the terminal can act on:
 * printed as it is (French first, then English, since the office staff read French and a
 * contractor may not), without a stack trace, and ending the process with `exitCode`
 * (2: bad arguments or a refusal, nothing written; 1: the work itself failed).
 */
export class CliError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(`${fr}\n${en}`);
  }
}
