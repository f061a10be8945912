import { Command, CommanderError } from 'commander'
import { CliError, EXIT } from './cliError.js'
import { registerExport } from './commands/exportCommand.js'
import { registerImport } from './commands/importCommand.js'
import { registerLayout } from './commands/layoutCommand.js'
import { registerNew } from './commands/newCommand.js'
import { registerSimulate } from './commands/simulateCommand.js'
import { registerTemplates } from './commands/templatesCommand.js'
import { registerValidate } from './commands/validateCommand.js'

export interface CliStreams {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
}

function buildProgram(streams: CliStreams): Command {
  const program = new Command('flowlane')
    .description('Flowlane: sales process maps — validate, simulate, export')
    .version(process.env.FLOWLANE_VERSION ?? '0.0.0-dev', '-v, --version')
    .helpCommand(true)
  registerTemplates(program)
  registerValidate(program)
  registerSimulate(program)
  registerNew(program)
  registerExport(program)
  registerImport(program)
  registerLayout(program)

  const configure = (command: Command): void => {
    command
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: streams.out,
        writeErr: streams.err,
        // One line, no "error:" prefix noise beyond ours.
        outputError: () => undefined,
      })
    command.commands.forEach(configure)
  }
  configure(program)
  return program
}

/** Runs the CLI; returns the exit code. Never lets a stack trace reach the user for bad input. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const program = buildProgram(streams)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CliError) {
      if (error.lines.length > 0) streams.err(`${error.lines.join('\n')}\n`)
      return error.exitCode
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return EXIT.ok
      }
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') {
        return EXIT.badInput
      }
      streams.err(`flowlane: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`)
      return EXIT.badInput
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    streams.err(`flowlane: internal error, please report it:\n${message}\n`)
    return 70
  }
}
