import { RULES, validateDocument } from '../../shared/validate/index.js'
import { generateDocument } from './generateDocument.js'
import { measure } from './measure.js'

/** Validation runs on every edit: issue #3 asks for a median under 50 ms at 10,000 nodes / 12,000 edges. */
export function benchValidate(): void {
  const doc = generateDocument(10_000, 12_000)
  console.log(`\nvalidate: ${doc.nodes.length} nodes / ${doc.edges.length} edges, all ${RULES.length} rules`)
  const problems = validateDocument(doc).length
  measure(`validateDocument (${problems} problems found)`, 15, () => void validateDocument(doc))
}
