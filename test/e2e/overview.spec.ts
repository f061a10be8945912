import { expect } from '@playwright/test'
import { generateDocument } from '../bench/generateDocument.js'
import { idNearestPaneMiddle } from '../support/pane.js'
import { currentDocument, editorState, editorTest as test, loadDocument, screenshot } from './support.js'

test('a large flow zoomed out is drawn by one overview layer; a click selects, a drag moves, a double-click zooms in', async ({
  page,
}) => {
  const doc = generateDocument(400, 520)
  await loadDocument(page, doc)
  await expect(page.locator('.canvas.is-overview')).toHaveCount(1)
  await expect(page.locator('.step-overview')).toHaveCount(1)
  await expect(page.locator('.react-flow__node-step:visible')).toHaveCount(0)
  // The dot grid would be noise this far out: it goes.
  await expect(page.locator('.react-flow__background')).toHaveCount(0)
  // The minimap still shows every step.
  await expect(page.locator('.react-flow__minimap-overview')).toHaveAttribute('data-steps', String(doc.nodes.length))
  await expect(page.locator('.react-flow__minimap-overview path')).not.toHaveCount(0)
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(0)
  await screenshot(page, 'overview')

  // A task in the middle of the view.
  const id = await idNearestPaneMiddle(page, '.overview-step[data-id$="-t1"]')
  const target = doc.nodes.find((n) => n.id === id)!
  const shape = page.locator(`.overview-step[data-id="${target.id}"]`)
  await expect(shape).toHaveCount(1)
  await shape.click()
  expect((await editorState(page)).selection.nodes).toEqual([target.id])
  await expect(page.locator(`.overview-step.is-selected[data-id="${target.id}"]`)).toHaveCount(1)
  // Its outline is drawn at screen scale: 3 px wide however far out the view is zoomed.
  const outline = page.locator(`.overview-step.is-selected[data-id="${target.id}"] > :first-child`)
  expect(await outline.evaluate((el) => [getComputedStyle(el).vectorEffect, getComputedStyle(el).strokeWidth])).toEqual(
    ['non-scaling-stroke', '3px'],
  )
  await screenshot(page, 'overview-selected')

  // Dragged: one undo step, on the grid, by the distance the pointer went at this zoom.
  const zoom = await page.evaluate(() => {
    const m = /scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)
    return Number(m![1])
  })
  const box = (await shape.boundingBox())!
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 5 })
  await page.mouse.move(from.x + 40, from.y + 20, { steps: 5 })
  await page.mouse.up()
  const moved = (await currentDocument(page)).nodes.find((n) => n.id === target.id)!
  const snap = (v: number) => Math.round(v / 10) * 10
  expect(moved.position).toEqual({
    x: snap(target.position.x + 40 / zoom),
    y: snap(target.position.y + 20 / zoom),
  })
  expect((await editorState(page)).undo).toBe(1)
  await page.keyboard.press('Control+z')
  expect((await currentDocument(page)).nodes.find((n) => n.id === target.id)!.position).toEqual(target.position)

  // A double-click zooms to the step: the overview gives way to the full drawing.
  await page.locator(`.overview-step[data-id="${target.id}"]`).dblclick()
  await expect(page.locator('.canvas.is-overview')).toHaveCount(0)
  await expect(page.locator(`.react-flow__node-step[data-id="${target.id}"]`)).toBeVisible()
  await expect(page.locator('.react-flow__background')).toHaveCount(1)
  expect((await editorState(page)).selection.nodes).toEqual([target.id])
  await screenshot(page, 'zoomed-in')
})

test('a small flow keeps its steps as nodes however far it is zoomed out', async ({ page }) => {
  await page.locator('.react-flow__pane').hover()
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+-')
  await expect(page.locator('.canvas.is-overview')).toHaveCount(0)
  await expect(page.locator('.react-flow__node-step').first()).toBeVisible()
})

test('edges are drawn in one layer; a click selects one and Shift-click adds another', async ({ page }) => {
  const doc = await currentDocument(page)
  const [first, second] = doc.edges
  await expect(page.locator('.edge-layer .fl-edge')).toHaveCount(doc.edges.length)
  await page.locator(`.edge-layer .fl-edge[data-id="${first!.id}"] .fl-edge-hit`).click({ force: true })
  expect((await editorState(page)).selection).toMatchObject({ nodes: [], edges: [first!.id] })
  // The selected edge is drawn by React Flow, with ends to reconnect it, and leaves the layer.
  await expect(page.locator(`.react-flow__edge .fl-edge[data-id="${first!.id}"]`)).toHaveCount(1)
  await expect(page.locator(`.edge-layer .fl-edge[data-id="${first!.id}"]`)).toHaveCount(0)
  await page
    .locator(`.edge-layer .fl-edge[data-id="${second!.id}"] .fl-edge-hit`)
    .click({ force: true, modifiers: ['Shift'] })
  expect((await editorState(page)).selection.edges.sort()).toEqual([first!.id, second!.id].sort())
})
