import { expect, type Page } from '@playwright/test'
import { editorState, editorTest as test, screenshot } from './support.js'

async function addOrphan(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = (window as unknown as { __flowlane: { getState(): { apply(l: string, r: (d: any) => void): void } } })
      .__flowlane
    store.getState().apply('test', (d) => {
      d.nodes.push({ id: 'orphan', kind: 'task', label: 'Orphan step', position: { x: 3000, y: 900 } })
    })
  })
}

test('the status bar counts open the problems, grouped by severity and named by label', async ({ page }) => {
  await addOrphan(page)
  await page.getByTestId('warning-count').click()

  const panel = page.locator('.problems')
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true')
  const groups = await panel
    .locator('.problem-group')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))
  const order = ['error', 'warning', 'info']
  expect(groups).toEqual([...groups].sort((a, b) => order.indexOf(a!) - order.indexOf(b!)))
  const row = panel.locator('.problem-row[data-node="orphan"][data-rule="no-disconnected"]')
  await expect(row).toContainText('Step “Orphan step”')
  await expect(row).toContainText('"Orphan step" is not connected to the flow.')
  const count = Number((await page.getByTestId('warning-count').innerText()).match(/\d+/)![0])
  await expect(panel.locator('.problem-group-warning .problem-row')).toHaveCount(count)
})

test('clicking a problem selects its step and brings it to the middle of the canvas', async ({ page }) => {
  await addOrphan(page)
  await page.getByTestId('warning-count').click()
  const node = page.locator('.react-flow__node-step[data-id="orphan"]')

  await page.locator('.problem-row[data-node="orphan"]').first().click()

  await expect.poll(async () => (await editorState(page)).selection.nodes).toEqual(['orphan'])
  await page.waitForTimeout(400)
  const canvas = (await page.locator('.canvas').boundingBox())!
  const box = (await node.boundingBox())!
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(20)
  expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(20)
  await screenshot(page, 'problems-click-through')
})

test('Enter on a problem does the same, from the keyboard', async ({ page }) => {
  await addOrphan(page)
  await page.getByRole('tab', { name: /Problems/ }).click()
  await page.locator('.problem-row[data-node="orphan"]').first().focus()
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await editorState(page)).selection.nodes).toEqual(['orphan'])
})

test('an edge problem selects the edge', async ({ page }) => {
  // given a decision whose branches do not add up to 1
  const edgeId = await page.evaluate(() => {
    const store = (
      window as unknown as {
        __flowlane: { getState(): { doc: any; apply(l: string, r: (d: any) => void): void } }
      }
    ).__flowlane
    const edge = store.getState().doc.edges.find((e: { probability?: number }) => e.probability !== undefined)
    store.getState().apply('test', (d) => {
      d.edges.find((e: { id: string }) => e.id === edge.id).probability = 0.01
    })
    return edge.id as string
  })
  await page.getByRole('tab', { name: /Problems/ }).click()
  const rows = page.locator('.problem-row[data-rule="decision-probabilities"]')
  await expect(rows.first()).toBeVisible()
  await rows.first().click()
  const state = await editorState(page)
  expect(state.selection.nodes.length + state.selection.edges.length).toBeGreaterThan(0)
  expect(edgeId).toBeTruthy()
})
