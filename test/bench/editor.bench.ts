/**
 * The editor's speed in headless Chromium (issue #7), measured with Playwright against the
 * built renderer; figures only, never part of the test suite (the machines are noisy):
 *
 *   npx vite build && node scripts/serve-test-pages.mjs &
 *   npx tsx test/bench/editor.bench.ts            # BASE_URL, CHROMIUM_PATH, RUNS, NODES, EDGES to override
 *
 * 1. Open: a generated 2,000-step document is loaded into the store; time from `load` to the
 *    frame after every step inside the settled view is in the DOM (that frame paints them).
 * 2. Pan: the same steps on a grid with ~1,000 of them on screen (so zoomed out that the
 *    canvas's overview layer draws them, levelOfDetail.ts), panned with the middle mouse
 *    button at 60 moves a second; frame times from requestAnimationFrame timestamps.
 * 3. Drag: one step dragged across the most crowded view that still draws steps as nodes;
 *    React commits are observed through the DevTools hook React calls in every build,
 *    counting the StepNode components that rendered.
 */
import { chromium, type Page } from '@playwright/test'
import type { FlowDocument } from '../../shared/document/index.js'
import { nodeBox } from '../../shared/geometry/index.js'
import { OVERVIEW_ZOOM } from '../../renderer/canvas/levelOfDetail.js'
import { idNearestPaneMiddle } from '../support/pane.js'
import { generateDocument } from './generateDocument.js'

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:4173'
const RUNS = Number(process.env.RUNS ?? 5)
/** Which parts to run: `open,pan,drag` (all by default). */
const PARTS = new Set((process.env.PARTS ?? 'open,pan,drag').split(','))
/** generateDocument makes blocks of five steps plus a start and an end: 2,002 steps. */
const NODES = Number(process.env.NODES ?? 2_003)
const EDGES = Number(process.env.EDGES ?? 3_000)
const TARGETS = { openMs: 1_500, panP95Ms: 33 }

interface Frame {
  readonly t: number
  readonly steps: number
  readonly transform: string
}

type Store = { getState(): { load(doc: FlowDocument): void; doc: FlowDocument } }

/** The generated flow re-laid on a grid (`columns` wide), lanes tall enough to hold its rows. */
function gridDocument(doc: FlowDocument, columns: number): FlowDocument {
  const rows = Math.ceil(doc.nodes.length / columns)
  const laneHeight = Math.ceil((rows * 160) / doc.lanes.length / 10) * 10
  const lanes = doc.lanes.map((l) => ({ ...l, height: laneHeight }))
  const nodes = doc.nodes.map((n, i) => {
    const position = { x: 80 + (i % columns) * 240, y: 20 + Math.floor(i / columns) * 160 }
    const lane = lanes[Math.min(lanes.length - 1, Math.floor(position.y / laneHeight))]!
    const owner = n.kind === 'task' ? { owner: lane.roleId! } : {}
    return { ...n, position, laneId: lane.id, ...owner }
  })
  return { ...doc, lanes, nodes }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const median = (values: readonly number[]) => percentile(values, 50)

/** Parses React Flow's viewport transform: `translate(Xpx, Ypx) scale(Z)`. */
function parseTransform(transform: string): { x: number; y: number; zoom: number } {
  const m = /translate\((-?[\d.e+-]+)px, ?(-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(transform)
  if (!m) throw new Error(`unexpected transform ${transform}`)
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) }
}

/** How many steps of `doc` a view shows (their boxes meet the pane), by the shared geometry. */
function stepsInView(doc: FlowDocument, transform: string, pane: { width: number; height: number }): number {
  const { x, y, zoom } = parseTransform(transform)
  const left = -x / zoom
  const top = -y / zoom
  const right = left + pane.width / zoom
  const bottom = top + pane.height / zoom
  return doc.nodes.filter((n) => {
    const b = nodeBox(n)
    return b.x + b.width >= left && b.x <= right && b.y + b.height >= top && b.y <= bottom
  }).length
}

async function openEditor(page: Page): Promise<void> {
  page.on('pageerror', (error) => console.error(`page error: ${String(error)}`))
  await page.goto(BASE_URL)
  await page.locator('.react-flow__node-step').first().waitFor()
}

/**
 * Loads `doc` through the store and records every frame until the view has kept the same
 * transform and step count for 20 frames: returns the frames and the time `load` was called.
 */
async function loadAndRecord(page: Page, doc: FlowDocument): Promise<{ t0: number; frames: Frame[] }> {
  return page.evaluate(async (d) => {
    const store = (window as unknown as { __flowlane: Store }).__flowlane
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!
    const frames: { t: number; steps: number; transform: string }[] = []
    // Settle the page first, so the load starts at a frame boundary.
    await new Promise((r) => requestAnimationFrame(r))
    const t0 = performance.now()
    store.getState().load(d)
    await new Promise<void>((resolve) => {
      let still = 0
      const tick = (t: number) => {
        const frame = {
          t,
          steps: document.querySelector('.canvas.is-overview')
            ? document.querySelectorAll('.overview-step').length
            : document.querySelectorAll('.react-flow__node-step').length,
          transform: viewport.style.transform,
        }
        const last = frames.at(-1)
        still = last && last.steps === frame.steps && last.transform === frame.transform ? still + 1 : 0
        frames.push(frame)
        if (still >= 20 || t - t0 > 15_000) resolve()
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    return { t0, frames }
  }, doc)
}

async function paneSize(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return (await page.locator('.react-flow__pane').boundingBox())!
}

async function benchOpen(page: Page, doc: FlowDocument): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run <= RUNS; run++) {
    await openEditor(page)
    const { t0, frames } = await loadAndRecord(page, doc)
    const settled = frames.at(-1)!
    const expected = stepsInView(doc, settled.transform, await paneSize(page))
    const first = frames.findIndex((f) => f.transform === settled.transform && f.steps >= expected)
    if (first < 0) throw new Error(`the view never showed its ${expected} steps (last: ${settled.steps})`)
    // The frame after the one that found them in the DOM: they have been painted by then.
    const painted = frames[Math.min(first + 1, frames.length - 1)]!.t - t0
    if (run > 0) times.push(painted) // run 0 warms the caches
    if (run === RUNS)
      console.log(
        `  (last run: ${expected} steps in the settled view at zoom ${parseTransform(settled.transform).zoom.toFixed(2)})`,
      )
  }
  return times
}

const viewTransform = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)

/** How many steps of `doc` the current view shows, by the shared geometry. */
async function onScreen(page: Page, doc: FlowDocument): Promise<number> {
  return stepsInView(doc, await viewTransform(page), await paneSize(page))
}

/**
 * Loads the grid document and zooms out (Ctrl+-) until about 1,000 steps are on screen or,
 * with `detailed`, as far as the canvas still draws every step in full (levelOfDetail.ts).
 */
async function crowdedView(page: Page, doc: FlowDocument, detailed = false): Promise<number> {
  await openEditor(page)
  await loadAndRecord(page, doc)
  const pane = await paneSize(page)
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  const zoom = async () => parseTransform(await viewTransform(page)).zoom
  // Ctrl+= and Ctrl+- zoom by 1.2; each animates for 150 ms.
  for (let i = 0; i < 20 && detailed && (await zoom()) < OVERVIEW_ZOOM; i++) {
    await page.keyboard.press('Control+=')
    await page.waitForTimeout(250)
  }
  for (let i = 0; i < 20 && (await onScreen(page, doc)) < 900; i++) {
    if (detailed && (await zoom()) / 1.2 < OVERVIEW_ZOOM) break
    await page.keyboard.press('Control+-')
    await page.waitForTimeout(250)
  }
  return onScreen(page, doc)
}

/** Records requestAnimationFrame timestamps in the page until `stop()`. */
async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__frames = []
    w.__recording = true
    const tick = (t: number) => {
      w.__frames.push(t)
      if (w.__recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

async function stopFrameRecorder(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__recording = false
    return w.__frames
  })
  return frames.slice(1).map((t, i) => t - frames[i]!)
}

/** Moves the mouse along a path at about 60 moves a second, as a hand does. */
async function paced(page: Page, points: readonly { x: number; y: number }[]): Promise<void> {
  const start = Date.now()
  for (const [i, p] of points.entries()) {
    await page.mouse.move(p.x, p.y)
    const due = start + (i + 1) * (1000 / 60)
    const wait = due - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
}

function path(from: { x: number; y: number }, by: { x: number; y: number }, moves: number) {
  return Array.from({ length: moves }, (_, i) => ({
    x: from.x + (by.x * (i + 1)) / moves,
    y: from.y + (by.y * (i + 1)) / moves,
  }))
}

async function benchPan(page: Page, doc: FlowDocument): Promise<{ intervals: number[]; steps: number }> {
  const pane = await paneSize(page)
  const from = { x: pane.x + pane.width * 0.75, y: pane.y + pane.height / 2 }
  await page.mouse.move(from.x, from.y)
  await startFrameRecorder(page)
  await page.mouse.down({ button: 'middle' })
  // Left by half the pane and back, right and back: new steps keep entering the view, which
  // ends where it started.
  const left = path(from, { x: -pane.width * 0.5, y: -40 }, 60)
  const back = path(left.at(-1)!, { x: pane.width * 0.5, y: 40 }, 60)
  const right = path({ x: pane.x + pane.width * 0.2, y: from.y }, { x: pane.width * 0.5, y: 40 }, 60)
  const home = path(right.at(-1)!, { x: -pane.width * 0.5, y: -40 }, 60)
  await paced(page, [...left, ...back])
  await page.mouse.up({ button: 'middle' })
  await page.mouse.move(right[0]!.x, right[0]!.y)
  await page.mouse.down({ button: 'middle' })
  await paced(page, [...right, ...home])
  await page.mouse.up({ button: 'middle' })
  const intervals = await stopFrameRecorder(page)
  return { intervals, steps: await onScreen(page, doc) }
}

/** Installs a stand-in for React DevTools before the page loads: it counts StepNode renders per commit. */
async function installRenderCounter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Fiber {
      tag: number
      flags: number
      child: Fiber | null
      sibling: Fiber | null
      alternate: Fiber | null
      stateNode: unknown
    }
    const PERFORMED_WORK = 1
    const counts = { commits: 0, stepRenders: 0, stepMounts: 0, wrapperRenders: 0, perCommit: [] as number[] }
    const isElement = (f: Fiber | null, cls: string) =>
      !!f && f.stateNode instanceof HTMLElement && f.stateNode.classList.contains(cls)
    // memo(StepNodeView) is the component whose first host child is div.step; React Flow's
    // node wrapper is the one whose first host child is div.react-flow__node.
    const walk = (fiber: Fiber, prev: Fiber | null, commit: { steps: number }) => {
      const component = fiber.tag === 0 || fiber.tag === 11 || fiber.tag === 14 || fiber.tag === 15
      if (component) {
        const rendered = !prev || (fiber.flags & PERFORMED_WORK) === PERFORMED_WORK
        if (isElement(fiber.child, 'step') && rendered) {
          if (prev) counts.stepRenders++
          else counts.stepMounts++
          commit.steps++
        }
        if (isElement(fiber.child, 'react-flow__node') && rendered && prev) counts.wrapperRenders++
      }
      if (prev && fiber.child === prev.child) return // nothing below was touched
      for (let c = fiber.child; c; c = c.sibling) walk(c, c.alternate, commit)
    }
    ;(window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        const commit = { steps: 0 }
        walk(root.current, root.current.alternate, commit)
        counts.commits++
        counts.perCommit.push(commit.steps)
      },
    }
    ;(window as unknown as Record<string, unknown>).__renders = counts
  })
}

interface RenderCounts {
  commits: number
  stepRenders: number
  stepMounts: number
  wrapperRenders: number
  perCommit: number[]
}

async function resetRenders(page: Page): Promise<void> {
  await page.evaluate(() => {
    const c = (window as unknown as { __renders: RenderCounts }).__renders
    c.commits = c.stepRenders = c.stepMounts = c.wrapperRenders = 0
    c.perCommit = []
  })
}

const readRenders = (page: Page) =>
  page.evaluate(() => structuredClone((window as unknown as { __renders: RenderCounts }).__renders))

/** Drags the step nearest the middle of the pane by 200 × 120 px; returns its id. */
async function dragOneStep(page: Page): Promise<string> {
  const id = await idNearestPaneMiddle(page, '.react-flow__node-step')
  const box = (await page.locator(`.react-flow__node-step[data-id="${id}"]`).boundingBox())!
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await paced(page, path(from, { x: 200, y: 120 }, 60))
  await page.mouse.up()
  return id
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
  // tsx keeps function names with a `__name` helper, which the functions sent to the page call.
  await context.addInitScript('window.__name = (fn) => fn')
  const flow = generateDocument(NODES, EDGES)
  const grid = gridDocument(flow, 100)
  console.log(
    `Editor bench: ${flow.nodes.length} steps, ${flow.edges.length} edges; ${BASE_URL}; median of ${RUNS} runs`,
  )

  try {
    const page = await context.newPage()
    if (PARTS.has('open')) await reportOpen(page, flow, grid)
    if (PARTS.has('pan')) await reportPan(page, grid)
    await page.close()
    if (PARTS.has('drag')) await reportDrag(await context.newPage(), grid)
  } finally {
    await browser.close()
  }
}

async function reportOpen(page: Page, flow: FlowDocument, grid: FlowDocument): Promise<void> {
  const open = await benchOpen(page, flow)
  console.log(
    `open ${NODES} steps, load → visible steps painted   median ${median(open).toFixed(0)} ms  (min ${Math.min(...open).toFixed(0)}, max ${Math.max(...open).toFixed(0)})  target < ${TARGETS.openMs} ms`,
  )
  const openGrid = await benchOpen(page, grid)
  console.log(
    `open ${NODES} steps on a grid (all in view)        median ${median(openGrid).toFixed(0)} ms  (min ${Math.min(...openGrid).toFixed(0)}, max ${Math.max(...openGrid).toFixed(0)})  target < ${TARGETS.openMs} ms`,
  )
}

/** Panning with ~1,000 steps on screen. */
async function reportPan(page: Page, grid: FlowDocument): Promise<void> {
  const onScreen = await crowdedView(page, grid)
  const p95s: number[] = []
  let panSteps = 0
  for (let run = 0; run < RUNS; run++) {
    const { intervals, steps } = await benchPan(page, grid)
    p95s.push(percentile(intervals, 95))
    panSteps = steps
    if (run === RUNS - 1)
      console.log(
        `  (last pan: ${intervals.length} frames, median ${median(intervals).toFixed(1)} ms, max ${Math.max(...intervals).toFixed(1)} ms)`,
      )
  }
  console.log(
    `pan with ${onScreen}–${panSteps} steps on screen, p95 frame time  median ${median(p95s).toFixed(1)} ms  (runs: ${p95s.map((v) => v.toFixed(1)).join(', ')})  target < ${TARGETS.panP95Ms} ms`,
  )
}

/** Dragging one step: what re-renders. */
async function reportDrag(counted: Page, grid: FlowDocument): Promise<void> {
  await installRenderCounter(counted)
  const crowded = await crowdedView(counted, grid, true)
  await startFrameRecorder(counted)
  await resetRenders(counted)
  const before = await counted.evaluate(() => (window as unknown as { __flowlane: Store }).__flowlane.getState().doc)
  const dragged = await dragOneStep(counted)
  const renders = await readRenders(counted)
  const intervals = await stopFrameRecorder(counted)
  const after = await counted.evaluate(() => (window as unknown as { __flowlane: Store }).__flowlane.getState().doc)
  const moved = after.nodes.filter(
    (n, i) => n !== before.nodes[i] && JSON.stringify(n) !== JSON.stringify(before.nodes[i]),
  )
  console.log(
    `drag 1 of ${crowded} steps on screen: ${renders.commits} commits, StepNode renders ${renders.stepRenders} (+${renders.stepMounts} mounts), ` +
      `most in one commit ${Math.max(0, ...renders.perCommit)}, node wrappers re-rendered ${renders.wrapperRenders}; ` +
      `steps changed in the document: ${moved.map((n) => n.id).join(', ') || 'none'} (dragged ${dragged})`,
  )
  console.log(
    `  frames while dragging: p95 ${percentile(intervals, 95).toFixed(1)} ms, median ${median(intervals).toFixed(1)} ms`,
  )
}

await main()
