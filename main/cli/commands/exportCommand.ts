import { Option, type Command } from 'commander'
import { resolve } from 'node:path'
import { CliError } from '../cliError.js'
import { EXPORT_FORMATS } from '../exportFormats.js'
import { readDocumentFile } from '../readDocumentFile.js'
import { writeOutput } from '../writeOutput.js'

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('convert a document to another format')
    .argument('<file>', 'a .flow.json document')
    .addOption(new Option('--to <format>', 'output format').choices(Object.keys(EXPORT_FORMATS)).makeOptionMandatory())
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (file: string, options: { to: string; out?: string }) => {
      const format = EXPORT_FORMATS[options.to]!
      if (format.binary && options.out === undefined) {
        throw new CliError([`flowlane: --to ${options.to} writes a binary file; name it with -o`])
      }
      refuseOverwritingInput(file, options.out)
      const doc = await readDocumentFile(file)
      const output = await format.write(doc)
      if (typeof output === 'string' || output instanceof Uint8Array) {
        await writeOutput(output, options.out)
      } else {
        // Warnings say what could not be kept; they never change the exit code (cli.md).
        for (const warning of output.warnings) process.stderr.write(`${file}: warning: ${warning}\n`)
        await writeOutput(output.data, options.out)
      }
    })
}

/** cli.md: nothing is ever written to the input file. */
export function refuseOverwritingInput(input: string, out: string | undefined): void {
  if (out !== undefined && resolve(out) === resolve(input)) {
    throw new CliError([`${out}: -o names the input file; Flowlane never writes to its input`])
  }
}
