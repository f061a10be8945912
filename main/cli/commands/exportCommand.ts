import { Option, type Command } from 'commander'
import { resolve } from 'node:path'
import { serializeDocument, type FlowDocument } from '../../../shared/document/index.js'
import { CliError } from '../cliError.js'
import { readDocumentFile } from '../readDocumentFile.js'
import { writeOutput } from '../writeOutput.js'

/** Each export format: how it turns a document into bytes. Formats arrive with their issues. */
const EXPORTERS: Record<string, (doc: FlowDocument) => string | Uint8Array> = {
  /** Normalised re-serialisation: canonical key order and formatting. */
  json: serializeDocument,
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('convert a document to another format')
    .argument('<file>', 'a .flow.json document')
    .addOption(new Option('--to <format>', 'output format').choices(Object.keys(EXPORTERS)).makeOptionMandatory())
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (file: string, options: { to: string; out?: string }) => {
      refuseOverwritingInput(file, options.out)
      const doc = await readDocumentFile(file)
      const exporter = EXPORTERS[options.to]!
      await writeOutput(exporter(doc), options.out)
    })
}

/** cli.md: nothing is ever written to the input file. */
export function refuseOverwritingInput(input: string, out: string | undefined): void {
  if (out !== undefined && resolve(out) === resolve(input)) {
    throw new CliError([`${out}: -o names the input file; Flowlane never writes to its input`])
  }
}
