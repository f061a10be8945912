import { test as base, expect, type Page } from '@playwright/test'
import type { FlowDocument } from '../../shared/document/index.js'

/** The editor's document, read from the store the page exposes for tests. */
export async function currentDocument(page: Page): Promise<FlowDocument> {
  return page.evaluate(
    () => (window as unknown as { __flowlane: { getState(): { doc: FlowDocument } } }).__flowlane.getState().doc,
  )
}

/** Opens the editor and waits until the canvas has drawn its steps; collects page and console errors. */
export async function openEditor(page: Page): Promise<string[]> {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    // The export dialog previews the handbook in a frame sandboxed without scripts (the
    // handbook has none); Chromium says so when the test driver tries to reach into it.
    if (message.text().startsWith("Blocked script execution in 'about:srcdoc'")) return
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  await page.goto('/')
  await page.locator('.react-flow__node-step').first().waitFor()
  return errors
}

/** Replaces the open document through the store, as opening a file does (history starts afresh). */
export async function loadDocument(page: Page, doc: FlowDocument): Promise<void> {
  await page.evaluate(
    (d) =>
      (window as unknown as { __flowlane: { getState(): { load(doc: unknown): void } } }).__flowlane.getState().load(d),
    doc,
  )
}

/** What the store holds beside the document: selection and the depth of the history. */
export async function editorState(
  page: Page,
): Promise<{ selection: { nodes: string[]; edges: string[]; lane?: string }; undo: number; redo: number }> {
  return page.evaluate(() => {
    const s = (
      window as unknown as {
        __flowlane: {
          getState(): {
            selection: { nodes: string[]; edges: string[]; lane?: string }
            undoStack: unknown[]
            redoStack: unknown[]
          }
        }
      }
    ).__flowlane.getState()
    return { selection: s.selection, undo: s.undoStack.length, redo: s.redoStack.length }
  })
}

/** A screenshot kept with the test's results (run with `--output DIR` to keep them apart). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = base.info().outputPath(`${name}.png`)
  await page.screenshot({ path })
  await base.info().attach(name, { path, contentType: 'image/png' })
}

/**
 * `test` with the editor open and a check after every test that the page logged no error and
 * threw nothing.
 */
export const editorTest = base.extend<{ errors: string[] }>({
  errors: [
    async ({ page }, use) => {
      const errors = await openEditor(page)
      await use(errors)
      expect(errors, 'page and console errors').toEqual([])
    },
    { auto: true },
  ],
})
