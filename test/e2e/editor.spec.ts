import { expect, test } from '@playwright/test'
import { currentDocument, openEditor } from './support.js'

test('a new install opens the B2B sales template, drawn with lanes, badges and no problems', async ({ page }) => {
  const errors = await openEditor(page)
  const doc = await currentDocument(page)
  expect(doc.id).toBe('b2b-pipeline')
  await expect(page.locator('.react-flow__node-step')).toHaveCount(doc.nodes.length)
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(doc.lanes.length)
  await expect(page.locator('[data-testid="error-count"]')).toHaveText('0 errors')
  await expect(page.locator('.react-flow__node-step[data-id="quote-preparation"] .badge-timeLimit')).toContainText(
    '2 workdays',
  )
  expect(errors).toEqual([])
})

test('selecting a step opens it in the inspector; a typed label is one undo step', async ({ page }) => {
  await openEditor(page)
  const before = await currentDocument(page)
  await page.locator('.react-flow__node-step[data-id="negotiation"]').click()
  const label = page.getByLabel('Label', { exact: true })
  await expect(label).toHaveValue('Negotiation')
  await label.fill('Price negotiation')
  await label.press('Enter')
  await expect(page.locator('.react-flow__node-step[data-id="negotiation"] text').first()).toHaveText(
    'Price negotiation',
  )
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  expect(await currentDocument(page)).toEqual(before)
  await page.keyboard.press('Control+Shift+z')
  expect((await currentDocument(page)).nodes.find((n) => n.id === 'negotiation')?.label).toBe('Price negotiation')
})

test('a step added from the palette lands in a lane, and validation reacts at once', async ({ page }) => {
  await openEditor(page)
  await page.getByRole('button', { name: 'Task', exact: true }).click()
  const doc = await currentDocument(page)
  const added = doc.nodes.at(-1)!
  expect(added).toMatchObject({ kind: 'task', label: 'New task' })
  await expect(page.locator(`.react-flow__node-step[data-id="${added.id}"]`)).toBeVisible()
  // An unconnected task is a problem the status bar counts.
  await expect(page.locator('[data-testid="warning-count"]')).not.toHaveText('0 warnings')
  await page.keyboard.press('Delete')
  expect((await currentDocument(page)).nodes).toHaveLength(doc.nodes.length - 1)
})

test('Ctrl+F finds a step and selects it', async ({ page }) => {
  await openEditor(page)
  await page.keyboard.press('Control+f')
  await page.keyboard.type('Order execution')
  await page.keyboard.press('Enter')
  await expect(page.locator('.react-flow__node-step[data-id="order-execution"].selected')).toBeVisible()
  await page.screenshot({ path: 'test-results/editor-search.png' })
})
