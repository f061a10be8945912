import { expect, test, type Page } from '@playwright/test'
import type { FlowDocument } from '../../shared/document/index.js'
import { currentDocument, openEditor } from './support.js'

type Store = { getState(): { select(s: { nodes: string[]; edges: string[] }): void; undoStack: unknown[] } }

async function select(page: Page, nodes: string[], edges: string[] = []): Promise<void> {
  await page.evaluate(
    ([n, e]) => (window as unknown as { __flowlane: Store }).__flowlane.getState().select({ nodes: n!, edges: e! }),
    [nodes, edges],
  )
}

/** Leaves the fields and undoes until the history is empty. */
async function undoAll(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  for (;;) {
    const left = await page.evaluate(
      () => (window as unknown as { __flowlane: Store }).__flowlane.getState().undoStack.length,
    )
    if (left === 0) return
    await page.keyboard.press('Control+z')
  }
}

function node(doc: FlowDocument, id: string) {
  return doc.nodes.find((n) => n.id === id)!
}

async function fill(page: Page, label: string, value: string, scope = page.locator('.inspector')): Promise<void> {
  const field = scope.locator('input, textarea').and(scope.getByLabel(label, { exact: true }))
  await field.fill(value)
  await field.press('Enter')
}

test.use({ viewport: { width: 1440, height: 1000 } })

test('fill a task and an approval in the inspector, then undo back to the exact original', async ({ page }) => {
  const errors = await openEditor(page)
  const original = await currentDocument(page)
  await select(page, ['quote-preparation'])
  const inspector = page.locator('.inspector')
  await expect(inspector.getByLabel('Label', { exact: true })).toHaveValue('Quote preparation')

  await fill(page, 'Time limit (SLA)', '3')
  expect(node(await currentDocument(page), 'quote-preparation').timeLimit).toEqual({ value: 3, unit: 'workday' })
  await inspector.getByLabel('Time limit (SLA) unit').selectOption('day')
  expect(node(await currentDocument(page), 'quote-preparation').timeLimit).toEqual({ value: 3, unit: 'day' })

  // Work time: PERT 3 / 6 / 10 hours. A mode above max is refused and never reaches the document.
  await fill(page, 'mode', '12')
  await expect(inspector.getByText('From 3 to 10.')).toBeVisible()
  await inspector.getByLabel('mode', { exact: true }).press('Escape')
  await expect(inspector.getByLabel('mode', { exact: true })).toHaveValue('6')
  expect(node(await currentDocument(page), 'quote-preparation').duration).toMatchObject({ mode: 6 })
  await fill(page, 'min', '2')
  expect(node(await currentDocument(page), 'quote-preparation').duration).toEqual({
    dist: 'pert',
    min: 2,
    mode: 6,
    max: 10,
    unit: 'hour',
  })

  // People are bounded by the owner role's headcount (6).
  await fill(page, 'People (of 6 Sales team member)', '9')
  await expect(inspector.getByText('From 1 to 6, the headcount of Sales team member.')).toBeVisible()
  await inspector.getByLabel('People (of 6 Sales team member)').press('Escape')
  expect(node(await currentDocument(page), 'quote-preparation').resources?.people).toBe(1)
  await fill(page, 'People (of 6 Sales team member)', '2')
  expect(node(await currentDocument(page), 'quote-preparation').resources?.people).toBe(2)

  // Quality controls: add one, give it a measure and a target, move it to the top.
  const qcBefore = node(await currentDocument(page), 'quote-preparation').qualityControls ?? []
  await fill(page, 'Add a quality standard', 'Margin checked by the manager')
  const added = inspector.getByRole('group', { name: `Quality control ${qcBefore.length + 1}` })
  await fill(page, 'Measure', 'Monthly review', added)
  await fill(page, 'Target', '100 %', added)
  await inspector.getByRole('button', { name: `Move quality control ${qcBefore.length + 1} up` }).click()
  expect(node(await currentDocument(page), 'quote-preparation').qualityControls?.[0]).toEqual({
    standard: 'Margin checked by the manager',
    measure: 'Monthly review',
    target: '100 %',
  })

  // A timeout through the step's own outgoing edge.
  await fill(page, 'Leave after', '5')
  const timeout = node(await currentDocument(page), 'quote-preparation').timeout
  expect(timeout?.after).toEqual({ value: 5, unit: 'day' })
  expect((await currentDocument(page)).edges.find((e) => e.id === timeout?.edgeId)?.source).toBe('quote-preparation')
  await page.screenshot({ path: 'test-results/inspector-task.png' })

  // Negotiation becomes an approval signed off by the sales manager, then by marketing.
  await select(page, ['negotiation'])
  await inspector.getByLabel('Kind', { exact: true }).selectOption('approval')
  await inspector.getByLabel('Approver to add').selectOption('sales-manager')
  await inspector.getByRole('button', { name: 'Add approver' }).click()
  await inspector.getByLabel('Approver to add').selectOption('marketing')
  await inspector.getByRole('button', { name: 'Add approver' }).click()
  await inspector.getByRole('button', { name: 'Move approver Marketing specialist up' }).click()
  expect(node(await currentDocument(page), 'negotiation')).toMatchObject({
    kind: 'approval',
    approvers: ['marketing', 'sales-manager'],
  })
  await inspector.getByRole('button', { name: 'Remove approver Marketing specialist' }).click()
  expect(node(await currentDocument(page), 'negotiation').approvers).toEqual(['sales-manager'])
  await page.locator('.side-panel').evaluate((el) => el.scrollTo(0, 0))
  await page.screenshot({ path: 'test-results/inspector-approval.png' })

  await undoAll(page)
  expect(await currentDocument(page)).toEqual(original)
  expect(errors).toEqual([])
})

test('fill the document: a new role, a refused role removal, the calendar; undo back', async ({ page }) => {
  await openEditor(page)
  const original = await currentDocument(page)
  await select(page, [])
  const inspector = page.locator('.inspector')
  await expect(inspector.getByRole('heading', { name: 'B2B sales pipeline' })).toBeVisible()

  await fill(page, 'New role name', 'Legal counsel')
  const role = inspector.getByRole('listitem', { name: 'Role Legal counsel' })
  await fill(page, 'Headcount', '2', role)
  await fill(page, 'Headcount', '0', role)
  await expect(role.getByText('Enter a whole number of at least 1.')).toBeVisible()
  await role.getByLabel('Headcount', { exact: true }).press('Escape')
  await fill(page, 'Cost per hour', '90', role)
  expect((await currentDocument(page)).roles.at(-1)).toEqual({
    id: 'legal-counsel',
    name: 'Legal counsel',
    headcount: 2,
    costPerHour: 90,
  })

  // A role still in use stays, with a message saying where.
  await inspector.getByRole('button', { name: 'Remove role Sales manager' }).click()
  await expect(inspector.getByRole('alert')).toContainText('“Sales manager” is still in use')
  expect((await currentDocument(page)).roles.some((r) => r.id === 'sales-manager')).toBe(true)
  await inspector.getByRole('button', { name: 'Remove role Legal counsel' }).click()
  expect((await currentDocument(page)).roles.some((r) => r.id === 'legal-counsel')).toBe(false)
  await fill(page, 'New role name', 'Legal counsel')

  // Calendar: 7.5 hours a day from 8:30; a day past midnight is refused.
  await fill(page, 'Hours per day', '7.5')
  await fill(page, 'Day starts at', '8.5')
  await fill(page, 'Day starts at', '20')
  await expect(inspector.getByText('From 0 to 16.5, so the day ends by midnight.')).toBeVisible()
  await inspector.getByLabel('Day starts at').press('Escape')
  expect((await currentDocument(page)).calendar).toMatchObject({ hoursPerDay: 7.5, dayStartsAt: 8.5 })
  await inspector.getByRole('radio', { name: '24/7' }).check()
  expect((await currentDocument(page)).calendar).toBeUndefined()
  await inspector.getByRole('radio', { name: 'Working hours' }).check()
  expect((await currentDocument(page)).calendar).toEqual({ hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 })
  await fill(page, 'Currency', 'eur')
  expect((await currentDocument(page)).currency).toBe('EUR')
  await fill(page, 'Warm-up cases', '100')
  expect((await currentDocument(page)).simulation?.warmupCases).toBe(100)

  await inspector.getByRole('button', { name: 'Add lane' }).click()
  const withLane = await currentDocument(page)
  expect(withLane.lanes).toHaveLength(original.lanes.length + 1)
  await expect(inspector.getByLabel('Height', { exact: true })).toHaveValue('200')
  await fill(page, 'Height', '260')
  expect((await currentDocument(page)).lanes.at(-1)?.height).toBe(260)

  await select(page, [])
  await page.screenshot({ path: 'test-results/inspector-document.png' })
  await undoAll(page)
  expect(await currentDocument(page)).toEqual(original)
})

test('an edge’s probability, with the live sum and the one-click fix; undo back', async ({ page }) => {
  await openEditor(page)
  const original = await currentDocument(page)
  const edge = original.edges.find((e) => e.source === 'qualified' && e.probability === 0.4)!
  await select(page, [], [edge.id])
  const inspector = page.locator('.inspector')
  await expect(inspector.getByTestId('branch-sum')).toHaveText('100 %')
  await fill(page, 'Share of cases taking this edge', '130')
  await expect(inspector.getByText('Enter a percentage from 0 to 100.')).toBeVisible()
  await inspector.getByLabel('Share of cases taking this edge').press('Escape')
  await fill(page, 'Share of cases taking this edge', '25')
  expect((await currentDocument(page)).edges.find((e) => e.id === edge.id)?.probability).toBe(0.25)
  await expect(inspector.getByTestId('branch-sum')).toHaveText('85 %')
  await page.screenshot({ path: 'test-results/inspector-edge.png' })
  await inspector.getByRole('button', { name: 'Make the branches add up to 100 %' }).click()
  await expect(inspector.getByTestId('branch-sum')).toHaveText('100 %')
  const siblings = (await currentDocument(page)).edges.filter((e) => e.source === 'qualified')
  expect(siblings.reduce((s, e) => s + (e.probability ?? 0), 0)).toBeCloseTo(1, 10)
  await fill(page, 'Label', 'hot lead')
  await fill(page, 'Condition', 'BANT ≥ 3')
  expect((await currentDocument(page)).edges.find((e) => e.id === edge.id)).toMatchObject({
    label: 'hot lead',
    condition: 'BANT ≥ 3',
  })
  await undoAll(page)
  expect(await currentDocument(page)).toEqual(original)
})

test('connect, align and distribute without a mouse on the canvas', async ({ page }) => {
  await openEditor(page)
  const original = await currentDocument(page)
  await select(page, ['after-sales'])
  const inspector = page.locator('.inspector')
  await inspector.getByLabel('Connect to…').selectOption('lost-no-deal')
  await inspector.getByRole('button', { name: 'Connect', exact: true }).click()
  expect(
    (await currentDocument(page)).edges.some((e) => e.source === 'after-sales' && e.target === 'lost-no-deal'),
  ).toBe(true)

  await select(page, ['lead-source', 'lead-acquisition', 'qualification'])
  await inspector.getByRole('button', { name: 'Align top' }).click()
  const ys = (await currentDocument(page)).nodes
    .filter((n) => ['lead-source', 'lead-acquisition', 'qualification'].includes(n.id))
    .map((n) => n.position.y)
  expect(new Set(ys).size).toBe(1)
  await inspector.getByRole('button', { name: 'Distribute horizontally' }).click()
  await page.screenshot({ path: 'test-results/inspector-arrange.png' })
  await undoAll(page)
  expect(await currentDocument(page)).toEqual(original)
})

test('the outline lists the flow in order; arrow keys select steps, Enter edits the label', async ({ page }) => {
  await openEditor(page)
  await page.getByRole('tab', { name: 'Outline' }).click()
  const outline = page.getByRole('listbox', { name: 'Flow outline' })
  const options = outline.getByRole('option')
  await expect(options.first()).toContainText('Lead sources')
  await expect(outline.locator('[data-id="qualified"]')).toContainText('→ Sales follow-up (qualified) 40 %')
  await outline.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  // The first step is the active entry when the list gets focus; two steps down is the third.
  const third = await options.nth(2).getAttribute('data-id')
  await expect(page.locator(`.react-flow__node-step[data-id="${third}"].selected`)).toBeVisible()
  const before = await currentDocument(page)
  expect(before.nodes.find((n) => n.id === third)?.position).toBeDefined()
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true')
  await page.screenshot({ path: 'test-results/inspector-outline.png' })
  // Arrow keys in the outline never nudge the selected step.
  expect(await currentDocument(page)).toEqual(before)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.inspector [data-field="label"]')).toBeFocused()
})
