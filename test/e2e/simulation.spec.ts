import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { currentDocument, editorTest as test, screenshot } from './support.js'

const REPO = join(import.meta.dirname, '..', '..')

/** `flowlane simulate FILE --json` on the document the editor has open. */
async function cliJson(page: Page, args: string[] = []): Promise<string> {
  const doc = await currentDocument(page)
  const file = test.info().outputPath('flow.flow.json')
  writeFileSync(file, JSON.stringify(doc))
  return execFileSync(process.execPath, [join(REPO, 'dist-cli', 'cli.mjs'), 'simulate', file, '--json', ...args], {
    encoding: 'utf8',
  })
}

function panel(page: Page) {
  return page.getByTestId('simulation-panel')
}

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Simulate', exact: true }).click()
  await expect(page.getByTestId('simulation-panel')).toBeVisible()
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulation' }).click()
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('sim-results')).toBeVisible()
}

async function kpi(page: Page, key: string): Promise<number> {
  return Number(await page.locator(`[data-kpi="${key}"]`).getAttribute('data-value'))
}

const six = (x: number) => Number(x.toPrecision(6))

test('a run from the panel gives exactly what flowlane simulate gives for the same file and seed', async ({ page }) => {
  await openPanel(page)
  await runAndWait(page)
  const expected = await cliJson(page)
  const cli = JSON.parse(expected) as {
    cycleTime: { mean: number; p90: number }
    throughputPerHour: number
    completed: number
    outcomes: Record<string, number>
    bottleneck: { nodeId: string }
  }

  // The same JSON text, byte for byte, through the panel's JSON button.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'JSON', exact: true }).click()
  const file = await (await download).path()
  expect(readFileSync(file, 'utf8')).toBe(expected)

  // And the KPI cards show those figures.
  expect(six(await kpi(page, 'meanCycle'))).toBe(cli.cycleTime.mean)
  expect(six(await kpi(page, 'p90Cycle'))).toBe(cli.cycleTime.p90)
  expect(six((await kpi(page, 'throughputPerWeek')) / 168)).toBe(cli.throughputPerHour)
  expect(await kpi(page, 'winRate')).toBeCloseTo(cli.outcomes.won! / cli.completed, 12)
  await expect(page.getByTestId('bottleneck')).toBeVisible()
  // The cycle-time histogram marks the median and p90 the cards give.
  await expect(panel(page).locator('[data-mark="p50"]')).toHaveCount(1)
  await expect(panel(page).locator('[data-mark="p90"]')).toContainText('p90')

  // The heat map colours the steps and marks the bottleneck on the canvas.
  const marked = page.locator(`.react-flow__node-step[data-id="${cli.bottleneck.nodeId}"] .step.is-bottleneck`)
  await expect(marked).toBeVisible()
  await expect(page.locator('.step[data-heat]').first()).toBeVisible()
  await screenshot(page, 'simulation-results')
  await panel(page).getByLabel('Heat map on the canvas').uncheck()
  await expect(page.locator('.step[data-heat]')).toHaveCount(0)
  await panel(page).getByLabel('Heat map on the canvas').check()
  await panel(page).getByLabel('Heat map by').selectOption('utilisation')
  await expect(marked).toBeVisible()
})

test('seed, cases and replications from the panel match the CLI options', async ({ page }) => {
  await openPanel(page)
  await panel(page).getByLabel('Cases').fill('3000')
  await panel(page).getByLabel('Seed').fill('42')
  await panel(page).getByLabel('Replications').fill('3')
  await runAndWait(page)
  const expected = JSON.parse(await cliJson(page, ['--cases', '3000', '--seed', '42', '--replications', '3'])) as {
    cycleTime: { mean: number }
    replications: number
  }
  expect(expected.replications).toBe(3)
  expect(six(await kpi(page, 'meanCycle'))).toBe(expected.cycleTime.mean)
})

test('a long run can be cancelled; the editor stays responsive while it runs', async ({ page }) => {
  await openPanel(page)
  await panel(page).getByLabel('Cases').fill('400000')
  await panel(page).getByLabel('Replications').fill('4')
  await page.getByRole('button', { name: 'Run simulation' }).click()
  const progress = page.getByRole('progressbar', { name: 'Simulation progress' })
  await expect(progress).toBeVisible()
  // The run is in a Web Worker: the page keeps answering (frame times are measured by the bench, not asserted here).
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(2)
  // The editor still answers: select a step and see the inspector follow.
  await page.locator('.react-flow__node-step[data-id="negotiation"]').click()
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('Negotiation')
  await expect(progress).toBeVisible()

  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('sim-status')).toHaveText('Cancelled.')
  await expect(progress).toHaveCount(0)
  await expect(page.getByTestId('sim-results')).toHaveCount(0)

  // A new run after a cancel works.
  await page.getByRole('button', { name: "Reset to the flow's parameters" }).click()
  await runAndWait(page)
})

test('pin a baseline, add people to the bottleneck, run again: both side by side with deltas', async ({ page }) => {
  await openPanel(page)
  await runAndWait(page)
  const before = await kpi(page, 'meanCycle')
  await page.getByRole('button', { name: 'Pin as baseline' }).click()
  await expect(page.getByTestId('sim-compare')).toBeVisible()
  // The template's bottleneck is the marketing specialist (one person).
  const doc = await currentDocument(page)
  const marketing = doc.roles.find((r) => r.id === 'marketing')!
  await panel(page)
    .getByLabel(marketing.name)
    .fill(String(marketing.headcount + 1))
  await panel(page).getByLabel('Arrivals: leads per').fill('3')
  await runAndWait(page)
  const after = await kpi(page, 'meanCycle')
  expect(after).toBeLessThan(before)
  const row = page.locator('[data-delta="meanCycle"]')
  await expect(row.locator('td').nth(2)).toHaveClass('sim-better')
  await expect(row.locator('td').nth(2)).toContainText('−')
  await expect(page.getByTestId('sim-compare')).toContainText(`${marketing.name} × ${marketing.headcount + 1}`)
  await expect(page.getByTestId('sim-compare')).toContainText('3 leads/day')
  await page.getByTestId('sim-compare').scrollIntoViewIfNeeded()
  await screenshot(page, 'simulation-compare')
})

test('the results download as CSV and PNG', async ({ page }) => {
  await openPanel(page)
  await runAndWait(page)
  let download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'CSV', exact: true }).click()
  const csv = readFileSync(await (await download).path(), 'utf8')
  expect(csv.split('\r\n')[0]).toBe('kpi,value')
  expect(csv).toContain('step,label,visits,mean wait (h)')
  expect(csv).toContain('negotiation,Negotiation,')

  download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PNG', exact: true }).click()
  const png = await download
  expect(png.suggestedFilename()).toMatch(/simulation\.png$/)
  const bytes = readFileSync(await png.path())
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.length).toBeGreaterThan(20_000)
  writeFileSync(test.info().outputPath('results.png'), bytes)
})
