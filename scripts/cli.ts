/**
 * Shared shape of Steppe's command-line scripts: run `main`, print SteppeErrors
 * as one clear line plus their problems (never a stack trace), and exit with
 * 0 (ok), 1 (refused or failed) or 2 (usage).
 */
import { isSteppeError, ValidationError } from '../graph/core/errors';

export class UsageError extends Error {}

export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      if (e instanceof UsageError) {
        console.error(`${name}: ${e.message}`);
        process.exit(2);
      }
      if (isSteppeError(e)) {
        console.error(`${name}: ${e.code}: ${e instanceof ValidationError ? e.summary : e.message}`);
        if (e instanceof ValidationError) for (const p of e.problems) console.error(`  ${p.path}: ${p.message}`);
      } else {
        console.error(`${name}: failed: ${(e as Error)?.message ?? String(e)}`);
      }
      process.exit(1);
    },
  );
}
