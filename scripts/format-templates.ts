/**
 * Rewrites every template in canonical form (serializeDocument), so `flowlane export
 * T --to json` reproduces it byte for byte. Run after editing a template by hand:
 * `npm run format:templates`. Refuses, and changes nothing, if any template fails to load.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatLoadError, parseDocument, serializeDocument } from '../shared/document/index.js'
import { writeFileAtomic } from '../main/io/writeFileAtomic.js'

const root = 'templates'
const outputs: [string, string][] = []
for (const locale of readdirSync(root)) {
  for (const file of readdirSync(join(root, locale)).filter((f) => f.endsWith('.flow.json'))) {
    const path = join(root, locale, file)
    const result = parseDocument(readFileSync(path, 'utf8'), path)
    if (!result.ok) {
      console.error(result.errors.map(formatLoadError).join('\n'))
      process.exit(2)
    }
    outputs.push([path, serializeDocument(result.value)])
  }
}
for (const [path, text] of outputs) {
  if (readFileSync(path, 'utf8') !== text) {
    await writeFileAtomic(path, text)
    console.log(`formatted ${path}`)
  }
}
