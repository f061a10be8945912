import type { Page } from '@playwright/test'

/** The id (`data-id`) of the element matching `selector` whose middle is nearest the middle of the canvas pane. */
export async function idNearestPaneMiddle(page: Page, selector: string): Promise<string> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  return page.evaluate(
    ({ selector, cx, cy }) => {
      let best: { id: string; d: number } | undefined
      for (const el of document.querySelectorAll<HTMLElement | SVGElement>(selector)) {
        const r = el.getBoundingClientRect()
        const d = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy)
        if (!best || d < best.d) best = { id: el.dataset['id']!, d }
      }
      if (!best) throw new Error(`nothing on the canvas matches ${selector}`)
      return best.id
    },
    { selector, cx: pane.x + pane.width / 2, cy: pane.y + pane.height / 2 },
  )
}
