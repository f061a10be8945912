import { Option, type Command } from 'commander'
import { extname } from 'node:path'
import { serializeDocument, type FlowDocument, type Result } from '../../../shared/document/index.js'
import { formatImportProblem, fromMermaid, type ImportProblem } from '../../../shared/formats/mermaid/index.js'
import { layoutDocument, type LayoutDirection } from '../../../shared/layout/layoutDocument.js'
import { CliError } from '../cliError.js'
import { readTextFile } from '../readDocumentFile.js'
import { writeOutput } from '../writeOutput.js'
import { refuseOverwritingInput } from './exportCommand.js'

/** What an importer returns: a document, and what it could not keep. */
export interface Imported {
  readonly document: FlowDocument
  readonly warnings: readonly ImportProblem[]
  /** For the layout; left to right when absent. */
  readonly direction?: LayoutDirection
}

export interface ImportFormat {
  /** The importer places steps itself (BPMN's diagram): no layout afterwards. */
  readonly positioned?: boolean
  /** File name endings that name this format when `--from` is absent, lower case. */
  readonly extensions: readonly string[]
  readonly read: (text: string, file: string) => Promise<Result<Imported, ImportProblem>>
}

/** Every format `flowlane import` reads; formats arrive with their issues (BPMN: one entry here). */
export const IMPORT_FORMATS: Readonly<Record<string, ImportFormat>> = {
  mermaid: {
    extensions: ['.mmd', '.mermaid', '.md', '.markdown'],
    read: async (text, file) => {
      // Mermaid and jsdom take a second to load: only this command pays for them.
      const { parseMermaid } = await import('../mermaidParser.js')
      return fromMermaid(text, file, parseMermaid)
    },
  },
  /** BPMN 2.0 XML; positions come from the file's diagram (or a layout when it has none). */
  bpmn: {
    positioned: true,
    extensions: ['.bpmn', '.xml'],
    read: async (text, file) => {
      const { fromBpmnXml } = await import('../../../shared/formats/bpmn/fromBpmnXml.js')
      return fromBpmnXml(text, file)
    },
  },
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('make a document from a Mermaid flowchart or BPMN 2.0 XML')
    .argument('<in>', 'a Mermaid file (.mmd, .mermaid, or Markdown holding one) or a BPMN file (.bpmn, .xml)')
    .addOption(
      new Option('--from <format>', 'input format; by default from the file name').choices(Object.keys(IMPORT_FORMATS)),
    )
    .option('-o, --out <file>', 'write the .flow.json to this file instead of standard output')
    .action(async (file: string, options: { from?: string; out?: string }) => {
      refuseOverwritingInput(file, options.out)
      const format = options.from === undefined ? formatOf(file) : IMPORT_FORMATS[options.from]!
      const result = await format.read(await readTextFile(file), file)
      if (!result.ok) throw new CliError(result.errors.map(formatImportProblem))
      const { document, warnings, direction } = result.value
      // What could not be kept goes to standard error; it never changes the exit code (cli.md).
      for (const warning of warnings) {
        process.stderr.write(`${formatImportProblem({ ...warning, message: `warning: ${warning.message}` })}\n`)
      }
      const placed = format.positioned
        ? document
        : await layoutDocument(document, direction === undefined ? {} : { direction })
      await writeOutput(serializeDocument(placed), options.out)
    })
}

function formatOf(file: string): ImportFormat {
  const extension = extname(file).toLowerCase()
  const found = Object.values(IMPORT_FORMATS).find((f) => f.extensions.includes(extension))
  if (found) return found
  const known = Object.entries(IMPORT_FORMATS)
    .map(([name, f]) => `${name} (${f.extensions.join(', ')})`)
    .join('; ')
  throw new CliError([
    `${file}: cannot tell the format from ${extension === '' ? 'a name without extension' : `"${extension}"`}; Flowlane imports ${known}, or name it with --from`,
  ])
}
