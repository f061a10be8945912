/**
 * Drawing a flow as a user does: from an empty document, with the mouse (palette drag,
 * handle-to-handle connections, drag, box and shift-click selection) and with the keyboard
 * only; undo/redo back to the exact earlier document; copy, paste, duplicate.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { FlowDocument, NodeKind } from '../../shared/document/index.js'
import { currentDocument, editorState, editorTest as test, loadDocument, screenshot } from './support.js'
import { expect } from '@playwright/test'

const BLANK = JSON.parse(readFileSync('test/fixtures/e2e/blank.flow.json', 'utf8')) as FlowDocument

test.use({ viewport: { width: 1600, height: 900 } })

const step = (page: Page, id: string) => page.locator(`.react-flow__node-step[data-id="${id}"]`)

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? Number.NaN)
  })
}

/** A blank document, shown at 100 % as a newly opened document is. */
async function startBlank(page: Page): Promise<void> {
  await loadDocument(page, BLANK)
  await expect(page.locator('.react-flow__node-step')).toHaveCount(0)
  await expect.poll(() => zoomOf(page)).toBe(1)
}

/** Drags a kind from the palette and drops it at a point of the canvas (HTML5 drag and drop). */
async function dropFromPalette(page: Page, kind: NodeKind, at: { x: number; y: number }): Promise<string> {
  const before = new Set((await currentDocument(page)).nodes.map((n) => n.id))
  const item = page.locator(`.palette-item[data-kind="${kind}"]`)
  const canvas = page.locator('.canvas')
  const box = (await canvas.boundingBox())!
  await item.dragTo(canvas, { targetPosition: { x: at.x - box.x, y: at.y - box.y } })
  const added = (await currentDocument(page)).nodes.filter((n) => !before.has(n.id))
  expect(added, `one ${kind} dropped`).toHaveLength(1)
  expect(added[0]!.kind).toBe(kind)
  return added[0]!.id
}

async function center(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await step(page, id).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Drags from a step's right (out) handle to another step's left (in) handle. */
async function connectByHandles(page: Page, from: string, to: string): Promise<void> {
  await step(page, from).hover()
  const source = (await step(page, from).locator('.react-flow__handle-right').boundingBox())!
  // The target's handles appear when the pointer reaches it: aim at the middle of its left side.
  const box = (await step(page, to).boundingBox())!
  const target = { x: box.x, y: box.y + box.height / 2 }
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x - 20, target.y, { steps: 8 })
  await page.mouse.move(target.x, target.y, { steps: 4 })
  await page.mouse.up()
}

test('draws a small flow with the mouse from an empty document', async ({ page }) => {
  await startBlank(page)
  const canvas = (await page.locator('.canvas').boundingBox())!
  const row = canvas.y + canvas.height / 2
  const col = (i: number) => canvas.x + 100 + i * 230

  // given a blank document, when six steps are dragged from the palette onto the canvas
  const start = await dropFromPalette(page, 'start', { x: col(0), y: row })
  const task1 = await dropFromPalette(page, 'task', { x: col(1), y: row })
  const task2 = await dropFromPalette(page, 'task', { x: col(2), y: row })
  const decision = await dropFromPalette(page, 'decision', { x: col(3), y: row })
  const won = await dropFromPalette(page, 'end', { x: col(4), y: row - 110 })
  const lost = await dropFromPalette(page, 'end', { x: col(4), y: row + 110 })

  // then each lands where it was dropped, selected, one undo step each
  const dropped = await center(page, task2)
  expect(Math.abs(dropped.x - col(2))).toBeLessThan(12)
  expect(Math.abs(dropped.y - row)).toBeLessThan(12)
  expect((await editorState(page)).undo).toBe(6)
  expect((await editorState(page)).selection.nodes).toEqual([lost])
  await expect(step(page, lost)).toHaveClass(/selected/)

  // when they are connected handle to handle
  for (const [a, b] of [
    [start, task1],
    [task1, task2],
    [task2, decision],
    [decision, won],
    [decision, lost],
  ] as const) {
    await connectByHandles(page, a, b)
  }
  let doc = await currentDocument(page)
  expect(doc.edges.map((e) => [e.source, e.target])).toEqual([
    [start, task1],
    [task1, task2],
    [task2, decision],
    [decision, won],
    [decision, lost],
  ])
  await expect(page.locator('.fl-edge')).toHaveCount(5)
  await screenshot(page, 'drawn-flow')

  // when a step is dragged 120 px down, then it moves by that much, as one undo step
  const undoBefore = (await editorState(page)).undo
  const before = doc.nodes.find((n) => n.id === task2)!.position
  const from = await center(page, task2)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 80, from.y + 120, { steps: 60 })
  await page.mouse.up()
  doc = await currentDocument(page)
  const after = doc.nodes.find((n) => n.id === task2)!.position
  expect(Math.abs(after.x - before.x - 80)).toBeLessThanOrEqual(10)
  expect(Math.abs(after.y - before.y - 120)).toBeLessThanOrEqual(10)
  expect((await editorState(page)).undo).toBe(undoBefore + 1)
  await page.keyboard.press('Control+z')
  expect((await currentDocument(page)).nodes.find((n) => n.id === task2)!.position).toEqual(before)
  await page.keyboard.press('Control+Shift+z')
  expect((await currentDocument(page)).nodes.find((n) => n.id === task2)!.position).toEqual(after)

  // when a box is drawn around the two ends, then both are selected
  const a = (await step(page, won).boundingBox())!
  const b = (await step(page, lost).boundingBox())!
  await page.mouse.move(a.x - 25, a.y - 25)
  await page.mouse.down()
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 })
  await page.mouse.move(b.x + b.width + 25, b.y + b.height + 25, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => [...(await editorState(page)).selection.nodes].sort()).toEqual([won, lost].sort())

  // when the start is shift-clicked, then it joins the selection
  const beforeClick = await currentDocument(page)
  await step(page, start).click({ modifiers: ['Shift'] })
  await expect
    .poll(async () => [...(await editorState(page)).selection.nodes].sort())
    .toEqual([start, won, lost].sort())
  await screenshot(page, 'multi-selection')
  expect(await currentDocument(page), 'a click moves nothing').toEqual(beforeClick)

  // when Delete is pressed, then the three steps and their edges go
  await page.keyboard.press('Delete')
  doc = await currentDocument(page)
  expect(doc.nodes.map((n) => n.id).sort()).toEqual([task1, task2, decision].sort())
  expect(doc.edges.map((e) => [e.source, e.target])).toEqual([
    [task1, task2],
    [task2, decision],
  ])
  await expect(page.locator('.react-flow__node-step')).toHaveCount(3)
})

/** Shift+Tab until the focus is back on the canvas side of the window. */
async function leaveInspector(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const inside = await page.evaluate(() => !!document.activeElement?.closest('.inspector'))
    if (!inside) return
    await page.keyboard.press('Shift+Tab')
  }
  throw new Error('Shift+Tab never left the inspector')
}

const label = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)!.label

const selectedNodes = async (page: Page) => (await editorState(page)).selection.nodes

test('draws, connects, edits, nudges and deletes with the keyboard only', async ({ page }) => {
  await startBlank(page)
  const box = (doc: FlowDocument, id: string) => {
    const n = doc.nodes.find((node) => node.id === id)!
    const size =
      n.kind === 'start' || n.kind === 'end' ? { w: 140, h: 56 } : { w: n.kind === 'decision' ? 140 : 200, h: 96 }
    return { x: n.position.x, y: n.position.y, w: size.w, h: size.h, cy: n.position.y + size.h / 2 }
  }

  // Alt+1 adds a start in the middle of the view, selected at once
  await page.keyboard.press('Alt+1')
  await expect.poll(() => currentDocument(page).then((d) => d.nodes.map((n) => n.kind))).toEqual(['start'])
  const start = (await currentDocument(page)).nodes[0]!.id
  expect(await selectedNodes(page)).toEqual([start])

  // Alt+2 with the start selected adds a task after it, level with it, connected from it: one undo step
  let undo = (await editorState(page)).undo
  await page.keyboard.press('Alt+2')
  let doc = await currentDocument(page)
  const task = doc.nodes[1]!.id
  expect(doc.nodes[1]!.kind).toBe('task')
  expect(box(doc, task).x).toBe(box(doc, start).x + 140 + 60)
  expect(box(doc, task).cy).toBe(box(doc, start).cy)
  expect(doc.edges.map((e) => [e.source, e.target])).toEqual([[start, task]])
  expect(await selectedNodes(page)).toEqual([task])
  expect((await editorState(page)).undo).toBe(undo + 1)

  // arrows nudge the selected step by 10 px, Shift+arrows by 100 px, one undo step each
  const placed = doc.nodes[1]!.position
  undo = (await editorState(page)).undo
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowLeft')
  doc = await currentDocument(page)
  expect(doc.nodes[1]!.position).toEqual({ x: placed.x + 90, y: placed.y })
  expect((await editorState(page)).undo).toBe(undo + 4)
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('ArrowRight')

  // Enter edits the selected step's label in the inspector; Enter commits it
  await page.keyboard.press('Enter')
  const labelField = page.locator('.inspector [data-field="label"]')
  await expect(labelField).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Qualify lead')
  await page.keyboard.press('Enter')
  await expect.poll(() => currentDocument(page).then((d) => d.nodes[1]!.label)).toBe('Qualify lead')
  await expect(step(page, task).locator('text').first()).toHaveText('Qualify lead')

  // Shift+Tab leaves the inspector: canvas keys work again. A decision, then an end after it.
  await leaveInspector(page)
  await page.keyboard.press('Alt+3')
  const decision = (await selectedNodes(page))[0]!
  await page.keyboard.press('Alt+8')
  const won = (await selectedNodes(page))[0]!
  // Shift+Tab back to the decision (flow order), Alt+2 again: the place after it is taken, the
  // new task goes below, still connected from the decision
  await page.keyboard.press('Shift+Tab')
  expect(await selectedNodes(page)).toEqual([decision])
  await page.keyboard.press('Alt+2')
  const nurture = (await selectedNodes(page))[0]!
  doc = await currentDocument(page)
  expect(doc.nodes.map((n) => n.kind)).toEqual(['start', 'task', 'decision', 'end', 'task'])
  expect(doc.edges.map((e) => [e.source, e.target])).toEqual([
    [start, task],
    [task, decision],
    [decision, won],
    [decision, nurture],
  ])
  expect(box(doc, won).x).toBe(box(doc, decision).x + 140 + 60)
  expect(box(doc, nurture).x).toBe(box(doc, won).x)
  expect(box(doc, nurture).y).toBeGreaterThanOrEqual(box(doc, won).y + box(doc, won).h + 20)
  for (const a of doc.nodes)
    for (const b of doc.nodes) {
      if (a === b) continue
      const p = box(doc, a.id)
      const q = box(doc, b.id)
      const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false)
    }
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Nurture')
  await page.keyboard.press('Enter')
  await leaveInspector(page)

  // Ctrl+L opens the picker of steps the selected one can lead to; Esc cancels it
  const picker = page.getByRole('dialog', { name: 'Connect “Nurture” to…' })
  await page.keyboard.press('Control+l')
  await expect(picker).toBeVisible()
  await expect(picker.getByRole('combobox')).toBeFocused()
  await expect(picker.getByRole('option')).toHaveCount(4) // start, Qualify lead, the decision, the end
  await page.keyboard.press('Escape')
  await expect(picker).toHaveCount(0)
  expect((await currentDocument(page)).edges).toHaveLength(4)

  // typing filters it, Enter connects (one undo step) and selects the step connected to
  undo = (await editorState(page)).undo
  await page.keyboard.press('Control+l')
  await page.keyboard.type('qual')
  await expect(picker.getByRole('option')).toHaveCount(1)
  await expect(picker.getByRole('option', { selected: true })).toContainText('Qualify lead')
  await screenshot(page, 'connect-picker')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveCount(0)
  doc = await currentDocument(page)
  expect(doc.edges.at(-1)).toMatchObject({ source: nurture, target: task })
  expect((await editorState(page)).undo).toBe(undo + 1)
  expect(await selectedNodes(page)).toEqual([task])
  await expect(page.locator('.fl-edge')).toHaveCount(5)
  await screenshot(page, 'keyboard-flow')

  // Delete removes the selected step and its edges; Ctrl+Z brings them back
  while ((await selectedNodes(page))[0] !== nurture) await page.keyboard.press('Tab')
  await page.keyboard.press('Delete')
  doc = await currentDocument(page)
  expect(doc.nodes.map((n) => n.id)).toEqual([start, task, decision, won])
  expect(doc.edges.map((e) => [e.source, e.target])).toEqual([
    [start, task],
    [task, decision],
    [decision, won],
  ])
  await page.keyboard.press('Control+z')
  expect((await currentDocument(page)).edges).toHaveLength(5)
})

test('Ctrl+L with two steps selected connects the first to the second', async ({ page }) => {
  await findStep(page, 'Qualification')
  const before = await currentDocument(page)
  expect(before.edges.some((e) => e.source === 'qualification' && e.target === 'lost-unqualified')).toBe(false)
  await step(page, 'qualification').click()
  await step(page, 'lost-unqualified').click({ modifiers: ['Shift'] })
  await expect.poll(() => selectedNodes(page)).toEqual(['qualification', 'lost-unqualified'])
  await page.keyboard.press('Control+l')
  await expect(page.getByRole('dialog', { name: /^Connect/ })).toHaveCount(0)
  const doc = await currentDocument(page)
  expect(doc.edges.slice(before.edges.length)).toEqual([
    expect.objectContaining({ source: 'qualification', target: 'lost-unqualified' }),
  ])
  expect(await selectedNodes(page)).toEqual(['lost-unqualified'])
  await page.keyboard.press('Control+z')
  expect(await currentDocument(page)).toEqual(before)
})

/** Finds a step with Ctrl+F and Enter: the editor selects it and centres it at 100 % or more. */
async function findStep(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+f')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(1)
}

async function dragBy(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 40 })
  await page.mouse.up()
}

test('undo and redo walk through ten mixed edits back to the exact documents', async ({ page }) => {
  await findStep(page, 'Qualification')
  const docs = [await currentDocument(page)]
  const edit = async (what: string, action: () => Promise<void>) => {
    const before = (await editorState(page)).undo
    await action()
    await expect.poll(async () => (await editorState(page)).undo, `${what} is one undo step`).toBe(before + 1)
    docs.push(await currentDocument(page))
  }

  let task = ''
  await edit('add from the palette', async () => {
    await page.locator('.palette-item[data-kind="task"]').click()
    task = (await selectedNodes(page))[0]!
  })
  await edit('nudge', () => page.keyboard.press('Shift+ArrowDown'))
  await edit('rename', async () => {
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Check the budget')
    await page.keyboard.press('Enter')
    await leaveInspector(page)
  })
  let decision = ''
  await edit('add with Alt+3', async () => {
    await page.keyboard.press('Alt+3')
    decision = (await selectedNodes(page))[0]!
  })
  // (the palette and Alt+3 connected each new step from the one selected: qualification → task → decision)
  await edit('connect', () => connectByHandles(page, 'qualification', decision))
  await edit('drag', () => center(page, 'qualification').then((c) => dragBy(page, c, { x: -60, y: 40 })))
  await edit('duplicate', () => page.keyboard.press('Control+d'))
  await edit('delete', () => page.keyboard.press('Delete'))
  await edit('resize a lane', async () => {
    const grip = (await page.locator('[data-lane="lane-sales"] .lane-grip').boundingBox())!
    const canvas = (await page.locator('.canvas').boundingBox())!
    await dragBy(page, { x: canvas.x + canvas.width / 3, y: grip.y + grip.height / 2 }, { x: 0, y: 60 })
    await expect.poll(() => currentDocument(page).then((d) => d.lanes[1]!.height)).toBe(260)
  })
  await edit('select all and nudge', async () => {
    await page.keyboard.press('Control+a')
    await page.keyboard.press('ArrowLeft')
  })
  for (let i = 1; i < docs.length; i++) expect(docs[i], `edit ${i} changed the document`).not.toEqual(docs[i - 1])

  for (let i = docs.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+z')
    expect(await currentDocument(page)).toEqual(docs[i])
  }
  expect((await editorState(page)).undo).toBe(0)
  for (let i = 1; i < docs.length; i++) {
    await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+y')
    expect(await currentDocument(page)).toEqual(docs[i])
  }
  await expect(step(page, task).locator('text').first()).toHaveText('Check the budget')
  await expect(page.locator(`.fl-edge[data-id="${docs[5]!.edges.at(-1)!.id}"]`)).toBeVisible()
})

/**
 * Presses on a point and moves just past React Flow's drag threshold, where the drag starts:
 * from the point returned, the step follows the pointer exactly.
 */
async function startDrag(page: Page, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  await page.mouse.move(at.x, at.y)
  await page.mouse.down()
  await page.mouse.move(at.x + 2, at.y)
  return { x: at.x + 2, y: at.y }
}

test('a dragged step snaps to an alignment guide and lands exactly there', async ({ page }) => {
  await findStep(page, 'Qualification')
  const zoom = await zoomOf(page)
  const undo = (await editorState(page)).undo
  // qualification (x 560, width 200) is dragged 120 down and right until its centre is 3 screen
  // pixels past the centre of the decision "qualified" (x 800, width 140: centre 870)
  const from = await startDrag(page, await center(page, 'qualification'))
  await page.mouse.move(from.x + 213 * zoom + 3, from.y + 120 * zoom, { steps: 30 })

  // then, mid-drag, a vertical guide runs through both centres, and the step is drawn on it
  const guide = page.locator('.alignment-guide[data-axis="x"]')
  await expect(guide).toHaveCount(1)
  await expect(guide).toHaveAttribute('data-at', '870')
  const drawn = (await step(page, 'qualification').boundingBox())!
  const target = (await step(page, 'qualified').boundingBox())!
  expect(Math.abs(drawn.x + drawn.width / 2 - (target.x + target.width / 2))).toBeLessThan(0.5)
  await screenshot(page, 'alignment-guide-mid-drag')

  // when dropped, it lands where the guide put it (y on the grid), in one undo step, and the guide goes
  await page.mouse.up()
  const moved = (await currentDocument(page)).nodes.find((n) => n.id === 'qualification')!
  expect(moved.position).toEqual({ x: 770, y: 370 })
  expect((await editorState(page)).undo).toBe(undo + 1)
  await expect(page.locator('.alignment-guide')).toHaveCount(0)
})

test('a dragged selection snaps by its bounding box', async ({ page }) => {
  await findStep(page, 'Qualification')
  const zoom = await zoomOf(page)
  await step(page, 'qualification').click()
  await step(page, 'qualified').click({ modifiers: ['Shift'] })
  await expect.poll(() => selectedNodes(page)).toEqual(['qualification', 'qualified'])
  // the selection spans x 560…940; dragged left until its left edge is 3 screen pixels right of
  // lead-acquisition's (x 320)
  const from = await startDrag(page, await center(page, 'qualification'))
  await page.mouse.move(from.x - 240 * zoom + 3, from.y + 120 * zoom, { steps: 30 })
  await expect(page.locator('.alignment-guide[data-axis="x"][data-at="320"]')).toHaveCount(1)
  await screenshot(page, 'alignment-guide-selection')
  await page.mouse.up()
  const doc = await currentDocument(page)
  const at = (id: string) => doc.nodes.find((n) => n.id === id)!.position
  expect(at('qualification')).toEqual({ x: 320, y: 370 })
  expect(at('qualified')).toEqual({ x: 560, y: 370 })
})

test('copy, paste and duplicate steps, also into another document', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept())
  await findStep(page, 'Qualification')
  const original = await currentDocument(page)

  // given two connected steps selected with a click and a shift-click
  await step(page, 'qualification').click()
  await step(page, 'qualified').click({ modifiers: ['Shift'] })
  await expect.poll(() => selectedNodes(page)).toEqual(['qualification', 'qualified'])

  // when copied and pasted, then both come back with fresh ids, the edge between them, offset
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+v')
  let doc = await currentDocument(page)
  const pasted = doc.nodes.slice(original.nodes.length)
  expect(pasted.map((n) => n.kind)).toEqual(['task', 'decision'])
  expect(pasted.map((n) => n.id)).not.toContain('qualification')
  expect(await selectedNodes(page)).toEqual(pasted.map((n) => n.id))
  const source = original.nodes.find((n) => n.id === 'qualification')!
  expect(pasted[0]).toMatchObject({
    label: source.label,
    owner: source.owner,
    laneId: source.laneId,
    position: { x: source.position.x + 30, y: source.position.y + 30 },
  })
  expect(doc.edges.slice(original.edges.length)).toEqual([
    expect.objectContaining({ source: pasted[0]!.id, target: pasted[1]!.id }),
  ])

  // when duplicated with Ctrl+D, then the copies are copied again, one step further
  await page.keyboard.press('Control+d')
  doc = await currentDocument(page)
  const duplicated = doc.nodes.slice(original.nodes.length + 2)
  expect(duplicated.map((n) => n.position)).toEqual(pasted.map((n) => ({ x: n.position.x + 30, y: n.position.y + 30 })))
  expect(doc.edges).toHaveLength(original.edges.length + 2)
  await screenshot(page, 'pasted-and-duplicated')

  // when another template is opened and the clipboard pasted there
  await page.keyboard.press('Control+n')
  await page.locator('[data-template="en/saas-funnel"]').click()
  await expect.poll(() => currentDocument(page).then((d) => d.id)).not.toBe(original.id)
  const other = await currentDocument(page)
  await page.keyboard.press('Control+v')
  doc = await currentDocument(page)

  // then the steps arrive without references to the other document's lanes and roles
  const arrived = doc.nodes.slice(other.nodes.length)
  expect(arrived.map((n) => n.label)).toEqual(['qualification', 'qualified'].map((id) => label(original, id)))
  for (const node of arrived) {
    if (node.laneId !== undefined) expect(other.lanes.map((l) => l.id)).toContain(node.laneId)
    if (node.owner !== undefined) expect(other.roles.map((r) => r.id)).toContain(node.owner)
  }
  expect(doc.edges.slice(other.edges.length)).toHaveLength(1)
})

test('Mermaid text pasted onto the canvas becomes steps', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const before = await currentDocument(page)
  await page.evaluate(() =>
    navigator.clipboard.writeText(
      'flowchart LR\n  call[Call the lead] --> ok{Interested?}\n  ok -->|yes| demo[Book a demo]\n',
    ),
  )
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+v')
  await expect.poll(() => currentDocument(page).then((d) => d.nodes.length)).toBe(before.nodes.length + 3)
  const doc = await currentDocument(page)
  const added = doc.nodes.slice(before.nodes.length)
  expect(added.map((n) => [n.kind, n.label])).toEqual([
    ['task', 'Call the lead'],
    ['decision', 'Interested?'],
    ['task', 'Book a demo'],
  ])
  expect(doc.edges.slice(before.edges.length).map((e) => [e.source, e.target, e.label])).toEqual([
    [added[0]!.id, added[1]!.id, undefined],
    [added[1]!.id, added[2]!.id, 'yes'],
  ])
  // one undo step takes the whole paste back
  await page.keyboard.press('Control+z')
  expect(await currentDocument(page)).toEqual(before)
})

test('Ctrl+F finds steps one after another and brings each into view', async ({ page }) => {
  const doc = await currentDocument(page)
  const matches = doc.nodes.filter((n) => n.label.toLowerCase().includes('contract')).map((n) => n.id)
  expect(matches.length).toBeGreaterThan(1)

  await page.keyboard.press('Control+f')
  const search = page.getByRole('searchbox', { name: 'Find a step' })
  await expect(search).toBeFocused()
  await page.keyboard.type('contract')
  await expect(page.locator('.search-count')).toHaveText(`${matches.length} found`)
  const canvas = (await page.locator('.canvas').boundingBox())!
  for (const id of matches) {
    await page.keyboard.press('Enter')
    await expect.poll(() => selectedNodes(page)).toEqual([id])
    // the match is drawn, selected, in the middle of the view
    await expect(step(page, id)).toHaveClass(/selected/)
    await expect
      .poll(async () => {
        const c = await center(page, id)
        return Math.hypot(c.x - (canvas.x + canvas.width / 2), c.y - (canvas.y + canvas.height / 2))
      })
      .toBeLessThan(5)
  }
  // Escape leaves the search; the canvas keys work again
  await page.keyboard.press('Escape')
  await expect(search).not.toBeFocused()
  await page.keyboard.press('Delete')
  expect((await currentDocument(page)).nodes.map((n) => n.id)).not.toContain(matches.at(-1))
})

test('F1 opens the Help panel listing every shortcut', async ({ page }) => {
  await page.keyboard.press('F1')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  const rows = help.locator('tr')
  const listed = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      keys: tr.querySelector('kbd')?.textContent ?? '',
      action: tr.querySelector('td')?.textContent ?? '',
    })),
  )
  const keys = listed.map((row) => row.keys).join('\n')
  for (const expected of ['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y', 'Ctrl+C', 'Ctrl+X', 'Ctrl+V', 'Ctrl+D', 'Ctrl+A']) {
    expect(keys).toContain(expected)
  }
  for (const expected of [
    'Ctrl+F',
    'Ctrl+O',
    'Ctrl+S',
    'Ctrl+N',
    'Delete',
    'Arrow',
    'Tab',
    'Enter',
    'Alt+1',
    'Ctrl+L',
    'F1',
  ]) {
    expect(keys).toContain(expected)
  }
  expect(listed.every((row) => row.keys.length > 0 && row.action.length > 0)).toBe(true)
  await screenshot(page, 'help')
  // F1 again closes it, and so does Esc
  await page.keyboard.press('F1')
  await expect(help).toHaveCount(0)
  await page.keyboard.press('F1')
  await expect(help).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
})
