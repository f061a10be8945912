/**
 * Shared by the Mermaid tests: the real parser (Mermaid under jsdom, as the CLI uses it;
 * loaded once per test file) and the fixtures, read where they live.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from '../../../support/runCli.js'

export { parseMermaid } from '../../../../main/cli/mermaidParser.js'

/** Mermaid's own 103 flowchart examples, beside the repository (never copied in). */
export const MERMAID_DOCS = join(REPO, '../shared/fixtures/mermaid-docs')
export const SEED_002 = join(REPO, '../shared/seeds/002_3dd26b245a9b0e3d.txt')
export const OWN_FIXTURES = join(REPO, 'test/fixtures/mermaid')

export function mermaidDocs(): { name: string; text: string }[] {
  return readdirSync(MERMAID_DOCS)
    .filter((f) => f.endsWith('.mmd'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(MERMAID_DOCS, name), 'utf8') }))
}

export function ownFixture(name: string): string {
  return readFileSync(join(OWN_FIXTURES, name), 'utf8')
}

/** Labels built to break out of a Mermaid string (quality.md S6–S8, S14) and odd text that must survive. */
export const HOSTILE_LABELS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"]\n click A "javascript:alert(1)"\n B["',
  '%%{init: {"securityLevel":"loose"}}%%',
  '\nclick A call alert(1)\n',
  'x"] --> y\nstyle A fill:red}body{display:none\nz["',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '#quot; #35; &amp; &lt;b&gt; &#60;',
  ' leading and trailing\t',
  'a | b ; c # d [e] (f) {g} <h>',
  'fa:fa-car',
  '$$x^2$$',
  '`code` and **bold** _it_',
  'style:#35;',
  'classDef x:#35;',
  'Top 10%',
  'yes 0.7',
  'approved · 90%',
  'line one\r\nline two',
  '审批（加急）【重要】：客户“满意”',
  'end',
  '\u2028',
  'A-->B',
  ':::cls',
  '\\',
  '😀 emoji',
  '<br>',
  '&',
  '%',
  '%%',
  'click',
  'x'.repeat(5000),
]

/** `[short name, label]` pairs for `it.each`. */
export function hostileCases(): [string, string][] {
  return HOSTILE_LABELS.map((label) => [
    label.length > 60 ? `${label.slice(0, 20)}… (${label.length} characters)` : label,
    label,
  ])
}
