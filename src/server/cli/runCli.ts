import { ConfigError } from '../config';
import { CliError } from './CliError';

/**
 * Runs a command's `main` and ends the process with its exit code: a CliError or a bad
 * configuration is printed as it is (it is meant for the person at the terminal), anything
 * else with its stack (a bug to report).
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof CliError) {
        console.error(error.message);
        process.exit(error.exitCode);
      }
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
