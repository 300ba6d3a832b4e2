export const EXIT = { clean: 0, suspicious: 1, threat: 2, usage: 64, unreadable: 65 } as const;

/** A mistake in the command line: printed with a hint to --help, exit 64. */
export class UsageError extends Error {}

/**
 * A command in `src/cli/commands/<name>.ts`: `usage` is its lines for --help (two-space indent, ending in a newline),
 * `run` gets the arguments after the command name and returns the exit code.
 */
export interface CommandModule {
  usage: string;
  run(args: string[]): Promise<number>;
}
