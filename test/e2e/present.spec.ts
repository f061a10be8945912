import { writeFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import { stepsInFlowOrder } from '../../shared/formats/handbook/handbookModel.js'
import { diagramBounds, laneBands } from '../../shared/geometry/index.js'
import { currentDocument, editorTest as test, screenshot } from './support.js'

test.use({ viewport: { width: 1920, height: 1080 } })

async function present(page: Page) {
  await page.getByRole('button', { name: 'Present', exact: true }).click()
  const show = page.getByRole('dialog', { name: 'Walkthrough' })
  await expect(show).toBeVisible()
  return show
}

/** The smallest font size of any visible text in the walkthrough, in CSS pixels. */
async function smallestText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity
    const root = document.querySelector('.present')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const element = n.parentElement
      if (!element || !n.textContent?.trim() || element.closest('svg')) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize))
    }
    return smallest
  })
}

test('the walkthrough steps through the flow in order with a large card, full screen, chrome hidden', async ({
  page,
}) => {
  const doc = await currentDocument(page)
  const order = stepsInFlowOrder(doc)
  const show = await present(page)
  // Nothing of the editor shows through.
  await expect(page.getByRole('toolbar', { name: 'Commands' }))
    .not.toBeInViewport({ ratio: 0.01 })
    .catch(() => undefined)
  const box = await show.boundingBox()
  expect(box).toEqual({ x: 0, y: 0, width: 1920, height: 1080 })

  await expect(show).toHaveAttribute('data-step', order[0]!.id)
  await expect(show.locator('.present-title')).toHaveText(order[0]!.label)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('PageDown')
  await expect(show).toHaveAttribute('data-step', order[2]!.id)
  await page.keyboard.press('PageUp')
  await expect(show).toHaveAttribute('data-step', order[1]!.id)

  // A step with an owner, a time limit, resources and quality controls.
  const rich = order.findIndex((n) => n.owner && n.timeLimit && n.qualityControls?.length)
  expect(rich).toBeGreaterThan(0)
  for (let i = 1; i < rich; i++) await page.keyboard.press('ArrowDown')
  await expect(show).toHaveAttribute('data-step', order[rich]!.id)
  const node = order[rich]!
  await expect(show.locator('[data-fact="owner"]')).toHaveText(doc.roles.find((r) => r.id === node.owner)!.name)
  await expect(show.locator('[data-fact="qualityControls"] li')).toHaveCount(node.qualityControls!.length)
  await expect(show.locator('[data-fact="timeLimit"]')).not.toHaveText('—')

  // Projector legibility: no text under 24 pt (32 px) at 1080p.
  expect(await smallestText(page)).toBeGreaterThanOrEqual(32)
  await screenshot(page, 'walkthrough-1080p')

  // The editor's shortcuts stay quiet: Delete does not delete the spotlit step.
  await page.keyboard.press('Delete')
  expect((await currentDocument(page)).nodes).toHaveLength(doc.nodes.length)

  // B blanks the screen and brings it back.
  await page.keyboard.press('b')
  await expect(page.getByTestId('present-blank')).toBeVisible()
  await screenshot(page, 'walkthrough-blank')
  await page.keyboard.press('b')
  await expect(page.getByTestId('present-blank')).toHaveCount(0)

  await page.keyboard.press('End')
  await expect(show).toHaveAttribute('data-step', order.at(-1)!.id)
  await page.keyboard.press('Escape')
  await expect(show).toHaveCount(0)
  await expect(page.getByRole('toolbar', { name: 'Commands' })).toBeVisible()
})

test('the presenter fixes a label live: one undo step', async ({ page }) => {
  const show = await present(page)
  await page.keyboard.press('ArrowRight')
  const id = await show.getAttribute('data-step')
  await show.locator('.present-title').dblclick()
  const input = show.getByLabel('Step label')
  await input.fill('Lead capture (all channels)')
  await input.press('Enter')
  await expect(show.locator('.present-title')).toHaveText('Lead capture (all channels)')
  expect((await currentDocument(page)).nodes.find((n) => n.id === id)?.label).toBe('Lead capture (all channels)')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+z')
  expect((await currentDocument(page)).nodes.find((n) => n.id === id)?.label).not.toBe('Lead capture (all channels)')
})

/** The diagram's view box: which part of the drawing is on screen. */
async function viewBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const value = await page.getByTestId('present-diagram').getAttribute('viewBox')
  const [x, y, width, height] = value!.split(' ').map(Number) as [number, number, number, number]
  return { x, y, width, height }
}

test('digits, L and the lane buttons zoom to a lane; 0 shows the whole flow; Esc goes back to the step', async ({
  page,
}) => {
  const doc = await currentDocument(page)
  const bands = laneBands(doc)
  const bounds = diagramBounds(doc)
  const show = await present(page)

  // when 2 is pressed, the second lane fills the stage's height, spotlit, and is named
  await page.keyboard.press('2')
  await expect(show).toHaveAttribute('data-view', 'lane-2')
  let box = await viewBox(page)
  const band = bands[1]!.box
  expect(box.y).toBeLessThanOrEqual(band.y)
  expect(box.y + box.height).toBeGreaterThanOrEqual(band.y + band.height)
  expect(Math.abs(box.y + box.height / 2 - (band.y + band.height / 2))).toBeLessThan(1)
  // zoomed in: the lane's labels at least 1.6 times their size, far from the whole flow's
  expect(box.height).toBeLessThan(1080 / 1.6)
  await expect(page.getByTestId('present-caption')).toContainText(doc.lanes[1]!.name)
  await expect(page.getByTestId('present-lane-outline')).toHaveAttribute('y', String(band.y))
  // the stage takes the whole width: no card beside a lane
  await expect(show.locator('.present-card')).toHaveCount(0)
  expect(await smallestText(page)).toBeGreaterThanOrEqual(32)
  await screenshot(page, 'walkthrough-lane')

  // L cycles to the next lane; the lane's button in the footer zooms too
  await page.keyboard.press('l')
  await expect(show).toHaveAttribute('data-view', 'lane-3')
  await show.getByRole('button', { name: new RegExp(`^Zoom to lane 5: ${doc.lanes[4]!.name}`) }).click()
  await expect(show).toHaveAttribute('data-view', 'lane-5')
  await expect(show.getByRole('button', { name: /^Zoom to lane 5/ })).toHaveAttribute('aria-pressed', 'true')

  // 0: the whole flow fits
  await page.keyboard.press('0')
  await expect(show).toHaveAttribute('data-view', 'flow')
  box = await viewBox(page)
  expect(box.x).toBeLessThanOrEqual(bounds.x)
  expect(box.x + box.width).toBeGreaterThanOrEqual(bounds.x + bounds.width - 1)
  await screenshot(page, 'walkthrough-flow')

  // Escape: back to the step with its card, then out
  await page.keyboard.press('Escape')
  await expect(show).toHaveAttribute('data-view', 'step')
  await expect(show.locator('.present-card')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(show).toHaveCount(0)
})

test('a lane view follows the steps into their lanes', async ({ page }) => {
  const doc = await currentDocument(page)
  const order = stepsInFlowOrder(doc)
  const show = await present(page)
  await page.keyboard.press('1')
  const laneOf = (id: string) => doc.lanes.findIndex((l) => l.id === doc.nodes.find((n) => n.id === id)!.laneId) + 1
  const next = order.findIndex((n, i) => i > 0 && laneOf(n.id) !== laneOf(order[0]!.id))
  for (let i = 0; i < next; i++) await page.keyboard.press('ArrowRight')
  await expect(show).toHaveAttribute('data-step', order[next]!.id)
  await expect(show).toHaveAttribute('data-view', `lane-${laneOf(order[next]!.id)}`)
  await expect(page.getByTestId('present-spot')).toBeVisible()
})

test('P shows a large pointer halo over everything, hidden while the mouse rests', async ({ page }) => {
  await present(page)
  const halo = page.getByTestId('present-pointer')
  await page.keyboard.press('p')
  await page.mouse.move(700, 400)
  await page.mouse.move(760, 420, { steps: 4 })
  await expect(halo).toHaveAttribute('data-idle', 'false')
  const box = (await halo.boundingBox())!
  expect(box.width).toBeGreaterThanOrEqual(96)
  expect(Math.abs(box.x + box.width / 2 - 760)).toBeLessThan(2)
  expect(Math.abs(box.y + box.height / 2 - 420)).toBeLessThan(2)
  // over the walkthrough itself, and over its help
  const zIndex = (selector: string) => page.locator(selector).evaluate((el) => Number(getComputedStyle(el).zIndex))
  expect(await zIndex('.present-pointer')).toBeGreaterThan(await zIndex('.present'))
  await screenshot(page, 'walkthrough-pointer')
  // the mouse rests: the halo fades
  await expect(halo).toHaveAttribute('data-idle', 'true', { timeout: 5000 })
  await page.mouse.move(800, 500)
  await expect(halo).toHaveAttribute('data-idle', 'false')
  // P again: off
  await page.keyboard.press('p')
  await expect(halo).toHaveCount(0)
})

test('A plays cases moving through the flow from a simulation run, with the queue at each step', async ({ page }) => {
  const show = await present(page)
  await page.keyboard.press('a')
  const panel = page.getByTestId('present-animation')
  await expect(panel).toBeVisible({ timeout: 15_000 })
  await expect(show).toHaveAttribute('data-view', 'flow')
  await expect(panel).toContainText('working days')

  // tokens travel, and some step's line grows and shrinks as the clock runs
  const layer = page.locator('.present-animation')
  const time = async () => Number(await layer.getAttribute('data-time'))
  const queues = () =>
    page
      .locator('.present-queue')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-node')}=${g.getAttribute('data-queue')}`).join(' '))
  await expect.poll(time).toBeGreaterThan(0)
  await expect(page.locator('.present-token').first()).toBeAttached()
  await expect
    .poll(() => page.locator('.present-queue:not([data-queue="0"])').count(), { timeout: 20_000 })
    .toBeGreaterThan(0)
  const seen = new Set<string>()
  await expect
    .poll(
      async () => {
        seen.add(await queues())
        return seen.size
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(2)
  await page.keyboard.press('+')
  await screenshot(page, 'walkthrough-animation')

  // Space pauses: the clock stands still
  await page.keyboard.press(' ')
  await expect(panel.getByRole('button', { name: 'Play' })).toBeVisible()
  const paused = await time()
  await page.waitForTimeout(300)
  expect(await time()).toBe(paused)
  await page.keyboard.press('a')
  await expect(panel.getByRole('button', { name: 'Pause' })).toBeVisible()

  // Escape stops the cases, then goes back to the step
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(page.locator('.present-animation')).toHaveCount(0)
})

test('the walkthrough exports as a PDF with one page per step, in walk order', async ({ page, browser }) => {
  const doc = await currentDocument(page)
  const order = stepsInFlowOrder(doc)
  const show = await present(page)
  // A browser prints it, as it prints the handbook ("Save as PDF").
  await show.getByRole('button', { name: 'PDF', exact: true }).click()
  await expect(show.getByRole('status')).toContainText(`${order.length} pages`)
  const html = await page.getByTestId('print-frame').getAttribute('srcdoc')
  const printed = await browser.newPage()
  await printed.setContent(html!)
  await printed.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0))
  const pdf = await printed.pdf({ preferCSSPageSize: true, printBackground: true })
  await printed.close()
  writeFileSync(test.info().outputPath('walkthrough.pdf'), pdf)
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []
  expect(pages).toHaveLength(order.length)
  // each page names its step, in walk order
  const titles = [...html!.matchAll(/src="data:image\/svg\+xml;charset=utf-8,([^"]+)"/g)].map(
    (m) => /<title>([^<]*)<\/title>/.exec(decodeURIComponent(m[1]!))![1],
  )
  expect(titles).toEqual(order.map((n) => `${doc.name} — ${n.label}`))
})

test('the export dialog offers the walkthrough PDF too: a page per step, printed in a browser', async ({ page }) => {
  const order = stepsInFlowOrder(await currentDocument(page))
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: 'Walkthrough PDF', exact: true }).check()
  const preview = dialog.getByTestId('export-preview')
  await expect(preview).toHaveAttribute('data-format', 'walkthrough-pdf')
  await expect(preview).toContainText(`${order.length} pages`)
  await expect(preview.locator('img')).toBeVisible()
  await dialog.getByRole('button', { name: 'Print walkthrough…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Save as PDF')
  const html = await page.getByTestId('print-frame').getAttribute('srcdoc')
  expect(html!.match(/<div class="page">/g)).toHaveLength(order.length)
  await screenshot(page, 'export-walkthrough-pdf')
})

test('the walkthrough speaks the UI language, keys and lanes included', async ({ page }) => {
  await page.getByRole('button', { name: 'New', exact: true }).click()
  await page.locator('[data-template="zh-CN/b2b-pipeline"]').click()
  await page.getByTestId('display-menu').click()
  await page.getByTestId('language-menu').selectOption('zh-CN')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: '演示', exact: true }).click()
  const show = page.getByRole('dialog', { name: '演示' })
  await expect(show).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(show.locator('.present-card')).toContainText('负责人')
  await expect(show.locator('[data-fact="lane"]')).toContainText('1')
  await expect(show.getByRole('button', { name: '全流程' })).toBeVisible()
  await screenshot(page, 'walkthrough-zh')
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: '演示按键' })
  await expect(help).toContainText('放大到第 1 … 9 条泳道')
  await expect(help).toContainText('空格')
  expect(await smallestText(page)).toBeGreaterThanOrEqual(32)
  await screenshot(page, 'walkthrough-keys-zh')
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
  await expect(show).toBeVisible()
})
