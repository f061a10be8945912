import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { enMessages, RULES, validateDocument, zhCNMessages } from '../../../shared/validate/index.js'
import { addEdge, flowWith, validFlow } from '../../support/flows.js'

/** The rule ids issue #3 names (they are part of the CLI contract), and ours beyond them. */
const CONTRACT_IDS = [
  'arrivals-required',
  'start-required',
  'end-required',
  'start-no-incoming',
  'end-no-outgoing',
  'no-disconnected',
  'no-unreachable',
  'no-dead-end',
  'no-endless-loop',
  'decision-branches',
  'decision-probabilities',
  'timeout-edge',
  'parallel-balanced',
  'no-implicit-split',
  'label-required',
  'duplicate-label',
  'owner-required',
  'owner-known',
  'lane-known',
  'people-exceed-headcount',
  'lane-owner-mismatch',
  'time-limit-required',
  'duration-required',
  'duration-exceeds-time-limit',
  'quality-control-required',
  'approvers-known',
  'self-loop',
  'role-overloaded',
]

/** Several problems at once: an unowned task, a missing probability, an unknown lane. */
function brokenFlow() {
  return flowWith((d) => {
    delete d.nodes.find((n) => n.id === 'qualify')!.owner
    delete d.edges.find((e) => e.id === 'e4')!.probability
    d.nodes.find((n) => n.id === 'won')!.laneId = 'nowhere'
    addEdge(d, 'again', 'approve', 'approve')
  })
}

describe('validateDocument', () => {
  it('finds nothing wrong with a complete flow', () => {
    expect(validateDocument(validFlow())).toEqual([])
  })

  it('has every rule of the contract, one per file, each with a description', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...CONTRACT_IDS].sort())
    const files = readdirSync(fileURLToPath(new URL('../../../shared/validate/rules', import.meta.url)))
    expect(
      files
        .filter((f) => f !== 'index.ts')
        .map((f) => f.replace(/\.ts$/, ''))
        .sort(),
    ).toEqual([...CONTRACT_IDS].sort())
    for (const rule of RULES) expect(rule.description).toMatch(/^[A-Z].*\.\)?$/)
  })

  it('sorts problems by severity, then node id, edge id and rule id', () => {
    const problems = validateDocument(brokenFlow())
    expect(problems.map((p) => [p.severity, p.nodeId, p.edgeId, p.rule])).toEqual([
      ['error', 'approve', 'again', 'self-loop'],
      ['error', 'qualify', undefined, 'owner-required'],
      ['error', 'won', undefined, 'lane-known'],
      ['warning', 'approve', 'again', 'decision-probabilities'],
      ['warning', 'ok', 'e4', 'decision-probabilities'],
    ])
  })

  it('lets settings change a rule’s severity or turn it off', () => {
    const problems = validateDocument(brokenFlow(), { rules: { 'self-loop': 'off', 'owner-required': 'info' } })
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([
      ['lane-known', 'error'],
      ['decision-probabilities', 'warning'],
      ['decision-probabilities', 'warning'],
      ['owner-required', 'info'],
    ])
  })

  it('speaks Chinese when asked', () => {
    const [problem] = validateDocument(brokenFlow(), { locale: 'zh-CN', rules: { 'self-loop': 'off' } })
    expect(problem?.message).toBe('“Qualify”没有负责人。')
  })

  it('inserts labels as they are, even ones that look like placeholders or HTML', () => {
    const doc = flowWith((d) => {
      const qualify = d.nodes.find((n) => n.id === 'qualify')!
      qualify.label = '{{label}} <b>x</b>'
      delete qualify.owner
    })
    expect(validateDocument(doc)[0]?.message).toBe('"{{label}} <b>x</b>" has no owner.')
  })
})

describe('message catalogs', () => {
  it('have the same keys and placeholders in English and Chinese', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    expect(Object.keys(zhCNMessages).sort()).toEqual(Object.keys(enMessages).sort())
    for (const [key, text] of Object.entries(enMessages)) {
      expect(placeholders(zhCNMessages[key as keyof typeof enMessages]), key).toEqual(placeholders(text))
    }
  })
})
