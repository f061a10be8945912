/**
 * The before/after pair of contract-approval templates: the simulator must tell them apart
 * clearly — cycle time, deals lost to timeouts — and name the bottleneck a person would.
 */
import { describe, expect, it } from 'vitest'
import { loadTemplate, templateFiles } from '../../support/templates.js'
import { node, outcome, run } from './flows.js'
import type { SimulationReport } from '../../../shared/simulate/index.js'
import { validateDocument } from '../../../shared/validate/index.js'

const template = (id: string) => loadTemplate(templateFiles().find((f) => f.id === id && f.locale === 'en')!)
const OPTIONS = { cases: 6_000, warmupCases: 500, replications: 6, seed: 1 }

const ci = (report: SimulationReport, path: string): number => report.ci95.find((c) => c.path === path)!.halfWidth!
const wonShare = (report: SimulationReport): number => outcome(report, 'won') / report.completed
/** 95 % half-width of a share over n cases, from the binomial variance (replications are independent). */
const shareHalfWidth = (p: number, n: number): number => 1.96 * Math.sqrt((p * (1 - p)) / n)

describe('contract approval: five levels against the streamlined redesign', () => {
  const before = template('contract-approval-five-level')
  const after = template('contract-approval-streamlined')
  const slow = run(before, OPTIONS)
  const fast = run(after, OPTIONS)

  it('both flows validate without errors', () => {
    expect(validateDocument(before).filter((p) => p.severity === 'error')).toEqual([])
    expect(validateDocument(after).filter((p) => p.severity === 'error')).toEqual([])
  })

  it('the five-level flow takes clearly longer: the cycle times’ confidence intervals are far apart', () => {
    const gap = slow.cycleTime.mean! - fast.cycleTime.mean!
    expect(gap).toBeGreaterThan(10 * (ci(slow, 'cycleTime.mean') + ci(fast, 'cycleTime.mean')))
    // and by the amounts the templates describe: about 9.5 days against 3.5 days to signature
    expect(slow.cycleTime.mean! / 24).toBeGreaterThan(7.5)
    expect(fast.cycleTime.mean! / 24).toBeLessThan(4.5)
  })

  it('the five-level flow loses deals that go cold at an approval level; the redesign almost none', () => {
    const lost = 1 - wonShare(slow)
    const lostAfter = 1 - wonShare(fast)
    const gap = lost - lostAfter
    expect(gap).toBeGreaterThan(10 * (shareHalfWidth(lost, slow.completed) + shareHalfWidth(lostAfter, fast.completed)))
    // the source reports roughly 30 % of opportunities missed
    expect(lost).toBeGreaterThan(0.2)
    expect(lost).toBeLessThan(0.45)
    expect(lostAfter).toBeLessThan(0.02)
    const timeouts = ['regional-approval', 'director-approval', 'legal-approval', 'finance-approval']
      .map((id) => node(slow, id).timeouts)
      .reduce((s, x) => s + x, 0)
    expect(timeouts).toBe(outcome(slow, 'lost'))
  })

  it('names an approval level as the bottleneck of the five-level flow, with its approver role', () => {
    // A person looking at five approval levels would point at the approvals, not at drafting
    // or at the customer: the first level, where every contract and every rework queues.
    expect(slow.bottleneck).toEqual({ nodeId: 'regional-approval', roleId: 'regional-manager', reason: 'most-waiting' })
  })

  it('moves the bottleneck off the approvals in the redesign', () => {
    const waiting = (id: string) => node(fast, id).visits * node(fast, id).meanWait!
    expect(fast.bottleneck?.nodeId).toBe('draft-contract')
    expect(waiting('regional-approval')).toBeLessThan(waiting('draft-contract') / 2)
  })
})

describe('the seven-step B2B pipeline', () => {
  it('simulates with its own settings, all cases completing, and the busiest single-person role as bottleneck', () => {
    const report = run(template('b2b-pipeline'), { replications: 2 })
    expect(report.cases).toBe(20_000)
    expect(report.completed).toBe(19_000)
    expect(outcome(report, 'won') + outcome(report, 'lost')).toBe(19_000)
    // one marketing specialist at about 63 % load takes every lead, nights and weekends included
    expect(report.bottleneck).toEqual({ nodeId: 'lead-acquisition', roleId: 'marketing', reason: 'most-waiting' })
  })
})
