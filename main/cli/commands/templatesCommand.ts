import type { Command } from 'commander'
import { DEFAULT_LOCALE, listTemplates, loadTemplate } from '../templateCatalog.js'
import { writeOutput } from '../writeOutput.js'

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('list the process templates')
    .option('--json', 'print the list as JSON')
    .action(async (options: { json?: boolean }) => {
      const rows = []
      for (const entry of await listTemplates()) {
        const locale = entry.files.has(DEFAULT_LOCALE) ? DEFAULT_LOCALE : [...entry.files.keys()][0]!
        const doc = await loadTemplate(entry.id, locale)
        rows.push({ id: entry.id, locales: [...entry.files.keys()], name: doc.name })
      }
      if (options.json) {
        await writeOutput(`${JSON.stringify({ templates: rows }, null, 2)}\n`, undefined)
        return
      }
      const width = Math.max(...rows.map((r) => r.id.length))
      const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.name}  (${r.locales.join(', ')})`)
      await writeOutput(`${lines.join('\n')}\n`, undefined)
    })
}
