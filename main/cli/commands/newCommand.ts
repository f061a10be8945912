import type { Command } from 'commander'
import { serializeDocument } from '../../../shared/document/index.js'
import { DEFAULT_LOCALE, loadTemplate } from '../templateCatalog.js'
import { writeOutput } from '../writeOutput.js'

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('start a document from a template')
    .argument('<template>', 'template id (see `flowlane templates`)')
    .option('--locale <locale>', 'language of the labels, e.g. en or zh-CN', DEFAULT_LOCALE)
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (template: string, options: { locale: string; out?: string }) => {
      const doc = await loadTemplate(template, options.locale)
      await writeOutput(serializeDocument(doc), options.out)
    })
}
