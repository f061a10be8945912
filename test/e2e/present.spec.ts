import { expect, type Page } from '@playwright/test'
import { stepsInFlowOrder } from '../../shared/formats/handbook/handbookModel.js'
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
