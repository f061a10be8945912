/** Exit codes of cli.md. */
export const EXIT = { ok: 0, validationErrors: 1, badInput: 2 } as const

/**
 * A failure the user can act on: printed as its lines on stderr, no stack trace.
 * Anything else that escapes is a bug in Flowlane and is reported as one.
 */
export class CliError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(lines.join('\n'))
    this.name = 'CliError'
  }
}
