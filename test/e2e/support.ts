import type { Page } from '@playwright/test'
import type { FlowDocument } from '../../shared/document/index.js'

/** The editor's document, read from the store the page exposes for tests. */
export async function currentDocument(page: Page): Promise<FlowDocument> {
  return page.evaluate(
    () => (window as unknown as { __flowlane: { getState(): { doc: FlowDocument } } }).__flowlane.getState().doc,
  )
}

/** Opens the editor and waits until the canvas has drawn its steps; collects page errors. */
export async function openEditor(page: Page): Promise<string[]> {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto('/')
  await page.locator('.react-flow__node-step').first().waitFor()
  return errors
}
