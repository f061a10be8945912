/**
 * Swimlanes with the mouse: a step dragged into another lane joins it (and its role), a lane
 * is resized by its grip and selected by its header.
 */
import { expect, type Page } from '@playwright/test'
import { currentDocument, editorState, editorTest as test, screenshot } from './support.js'

test.use({ viewport: { width: 1600, height: 900 } })

const lane = (page: Page, id: string) => page.locator(`.react-flow__node-lane [data-lane="${id}"]`)
const step = (page: Page, id: string) => page.locator(`.react-flow__node-step[data-id="${id}"]`)

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? Number.NaN)
  })
}

/** Brings a step to the middle of the view at 100 % or more, with Ctrl+F. */
async function findStep(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+f')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(1)
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 40 })
  await page.mouse.up()
}

test('a step dragged into another lane joins it and takes its role as owner', async ({ page }) => {
  await findStep(page, 'Sales follow-up')
  const before = await currentDocument(page)
  expect(before.nodes.find((n) => n.id === 'follow-up')).toMatchObject({ laneId: 'lane-sales', owner: 'sales-rep' })

  // when the step is dragged down into the sales manager's lane
  const box = (await step(page, 'follow-up').boundingBox())!
  const target = (await lane(page, 'lane-manager').boundingBox())!
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await drag(page, from, { x: from.x, y: target.y + target.height / 2 })

  // then it is in that lane, owned by its role, in one undo step
  const after = await currentDocument(page)
  expect(after.nodes.find((n) => n.id === 'follow-up')).toMatchObject({
    laneId: 'lane-manager',
    owner: 'sales-manager',
  })
  expect((await editorState(page)).undo).toBe(1)
  await expect(step(page, 'follow-up').locator('.badge-owner')).toContainText('Sales manager')
  await screenshot(page, 'step-moved-to-lane')
  await page.keyboard.press('Control+z')
  expect(await currentDocument(page)).toEqual(before)
})

test('a lane is resized by its grip; the lanes below move with their steps', async ({ page }) => {
  await findStep(page, 'Sales follow-up')
  const before = await currentDocument(page)
  const zoom = await zoomOf(page)
  const grip = (await lane(page, 'lane-sales').locator('.lane-grip').boundingBox())!
  const canvas = (await page.locator('.canvas').boundingBox())!
  const from = { x: canvas.x + canvas.width / 3, y: grip.y + grip.height / 2 }
  await drag(page, from, { x: from.x, y: from.y + 80 })

  const after = await currentDocument(page)
  const grown =
    after.lanes.find((l) => l.id === 'lane-sales')!.height! - before.lanes.find((l) => l.id === 'lane-sales')!.height!
  expect(Math.abs(grown - 80 / zoom)).toBeLessThanOrEqual(2)
  // steps of the lanes below keep their place in their band
  const moved = (id: string) =>
    after.nodes.find((n) => n.id === id)!.position.y - before.nodes.find((n) => n.id === id)!.position.y
  expect(moved('negotiation')).toBe(grown)
  expect(moved('qualification')).toBe(0)
  expect(moved('lead-acquisition')).toBe(0)
  await expect
    .poll(async () => (await lane(page, 'lane-sales').boundingBox())!.height)
    .toBeCloseTo((before.lanes[1]!.height! + grown) * zoom, 0)
  expect((await editorState(page)).undo).toBe(1)
})

test('a click on a lane header selects the lane and opens it in the inspector', async ({ page }) => {
  await page.locator('.react-flow__controls-fitview').click()
  const header = page.getByRole('button', { name: /^Lane Sales/ }).first()
  await header.click()
  const state = await editorState(page)
  expect(state.selection).toMatchObject({ nodes: [], edges: [], lane: 'lane-sales' })
  const doc = await currentDocument(page)
  const name = doc.lanes.find((l) => l.id === 'lane-sales')!.name
  await expect(page.locator('.inspector').getByLabel('Name', { exact: true })).toHaveValue(name)
  await screenshot(page, 'lane-selected')
})

test('zoomed in and panned right, every lane on screen keeps a header pinned at the left edge', async ({ page }) => {
  // given the view far right in the flow, zoomed in past 100 %
  await findStep(page, 'Order execution')
  await page.keyboard.press('Control+=')
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(1.1)
  const canvas = (await page.locator('.canvas .react-flow').boundingBox())!
  const doc = await currentDocument(page)

  // then the lanes' own headers are off screen, and a pinned one stands in for each lane on screen
  const onScreen: string[] = []
  for (const l of doc.lanes) {
    // (lanes off screen are not drawn at all)
    const band = (await lane(page, l.id).count()) ? await lane(page, l.id).boundingBox() : null
    if (!band || band.y + band.height <= canvas.y + 2 || band.y >= canvas.y + canvas.height - 2) {
      await expect(page.locator(`[data-sticky-lane="${l.id}"]`)).toHaveCount(0)
      continue
    }
    onScreen.push(l.id)
    const header = (await lane(page, l.id).locator('.lane-header').boundingBox())!
    expect(header.x + header.width).toBeLessThan(canvas.x)
    const pinned = page.locator(`[data-sticky-lane="${l.id}"]`)
    await expect(pinned).toBeVisible()
    const box = (await pinned.boundingBox())!
    expect(Math.abs(box.x - canvas.x)).toBeLessThan(1)
    expect(box.y).toBeGreaterThanOrEqual(Math.max(band.y, canvas.y) - 1)
    expect(box.y + box.height).toBeLessThanOrEqual(Math.min(band.y + band.height, canvas.y + canvas.height) + 1)
    const role = doc.roles.find((r) => r.id === l.roleId)?.name
    await expect(pinned.locator('.sticky-lane-name')).toHaveText(l.name)
    if (role && role !== l.name) await expect(pinned.locator('.sticky-lane-role')).toHaveText(role)
  }
  expect(onScreen.length).toBeGreaterThan(1)
  await screenshot(page, 'sticky-lane-headers')

  // when one is clicked, its lane is selected, as with the lane's own header
  await page.locator(`[data-sticky-lane="${onScreen[0]}"]`).click()
  expect((await editorState(page)).selection).toMatchObject({ nodes: [], edges: [], lane: onScreen[0] })

  // when the whole flow is in view again, the lanes' own headers show and the pinned ones go
  await page.locator('.react-flow__controls-fitview').click()
  await expect(page.locator('[data-sticky-lane]')).toHaveCount(0)
})
