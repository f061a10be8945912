import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serializeDocument } from '../../shared/document/index.js'
import { fixturePath } from '../support/documents.js'
import { flowWith } from '../support/flows.js'
import { runCli } from '../support/runCli.js'

/** A flow with one error (an unowned task) and one warning (probabilities summing to 0.9). */
function writeBrokenFlow(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowlane-validate-'))
  const file = join(dir, 'broken.flow.json')
  const doc = flowWith((d) => {
    delete d.nodes.find((n) => n.id === 'qualify')!.owner
    d.edges.find((e) => e.id === 'e4')!.probability = 0.5
  })
  writeFileSync(file, serializeDocument(doc))
  return file
}

describe('flowlane validate', () => {
  it('exits 0 and says so for a flow without problems', () => {
    const run = runCli(['validate', fixturePath('tiny.flow.json')])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`${fixturePath('tiny.flow.json')}: no problems found\n`)
  })

  it('exits 1 when the flow has errors, grouping problems by severity and naming steps by label', () => {
    const file = writeBrokenFlow()
    const run = runCli(['validate', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      [
        `${file}: 1 error(s), 1 warning(s), 0 note(s)`,
        '',
        'Errors (1)',
        '  "Qualify" has no owner.  [owner-required]',
        '',
        'Warnings (1)',
        '  The branches of "Qualified?" add up to 0.9, not 1.  [decision-probabilities]',
        '',
      ].join('\n'),
    )
  })

  it('prints the JSON of cli.md with --json', () => {
    const run = runCli(['validate', writeBrokenFlow(), '--json'])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      `${JSON.stringify(
        {
          problems: [
            { rule: 'owner-required', severity: 'error', message: '"Qualify" has no owner.', nodeId: 'qualify' },
            {
              rule: 'decision-probabilities',
              severity: 'warning',
              message: 'The branches of "Qualified?" add up to 0.9, not 1.',
              nodeId: 'ok',
            },
          ],
          errors: 1,
          warnings: 1,
        },
        null,
        2,
      )}\n`,
    )
  })

  it('takes --rule overrides; turning the only error into a warning exits 0', () => {
    const run = runCli([
      'validate',
      writeBrokenFlow(),
      '--json',
      '--rule',
      'owner-required=warning',
      '--rule',
      'decision-probabilities=off',
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      errors: 0,
      warnings: 1,
      problems: [{ rule: 'owner-required', severity: 'warning' }],
    })
  })

  it('speaks Chinese with --locale zh-CN', () => {
    const run = runCli(['validate', writeBrokenFlow(), '--locale', 'zh-CN'])
    expect(run.stdout).toContain('“Qualify”没有负责人。  [owner-required]')
  })

  it.each([
    [['--rule', 'no-such-rule=off'], /^flowlane: unknown rule "no-such-rule"; rules: /],
    [
      ['--rule', 'self-loop=fatal'],
      /^flowlane: unknown severity "fatal" for rule self-loop; use off, info, warning, error\n$/,
    ],
    [['--rule', 'self-loop'], /^flowlane: --rule takes ID=SEVERITY/],
    [['--locale', 'fr'], /^flowlane: messages are available in en and zh-CN, not "fr"\n$/],
  ])('exits 2 for a bad option %j', (options, stderr) => {
    const run = runCli(['validate', fixturePath('tiny.flow.json'), ...options])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(stderr)
  })

  it('exits 2 for a document that does not load', () => {
    const run = runCli(['validate', fixturePath('broken.json')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/broken\.json:5:3: invalid JSON/)
  })
})
