import { Option, type Command } from 'commander'
import { serializeDocument } from '../../../shared/document/index.js'
import { layoutDocument, type LayoutDirection } from '../../../shared/layout/layoutDocument.js'
import { readDocumentFile } from '../readDocumentFile.js'
import { writeOutput } from '../writeOutput.js'
import { refuseOverwritingInput } from './exportCommand.js'

export function registerLayout(program: Command): void {
  program
    .command('layout')
    .description('lay the flow out automatically; positions are rewritten')
    .argument('<file>', 'a .flow.json document')
    .addOption(
      new Option('--direction <direction>', 'LR (left to right) or TB (top down; flows without lanes)')
        .choices(['LR', 'TB'])
        .default('LR'),
    )
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (file: string, options: { direction: LayoutDirection; out?: string }) => {
      refuseOverwritingInput(file, options.out)
      const doc = await readDocumentFile(file)
      if (options.direction === 'TB' && doc.lanes.length > 0) {
        process.stderr.write(
          `${file}: warning: a flow with lanes is laid out left to right, its lanes as horizontal bands\n`,
        )
      }
      await writeOutput(serializeDocument(await layoutDocument(doc, { direction: options.direction })), options.out)
    })
}
