import { expect, test, type Page } from '@playwright/test'
import type { FlowDocument } from '../../shared/document/index.js'
import { currentDocument, openEditor } from './support.js'

/** Changes the open document through the editor's store, as any edit does. */
async function rename(page: Page, name: string): Promise<void> {
  await page.evaluate((value) => {
    const store = (
      window as unknown as {
        __flowlane: { getState(): { apply(label: string, recipe: (d: FlowDocument) => void): void } }
      }
    ).__flowlane
    store.getState().apply('Rename process', (d) => {
      d.name = value
      d.nodes[1]!.label = `${value} — first step`
    })
  }, name)
}

/** Whether IndexedDB holds an unsaved snapshot named `name` (read without the app's code). */
async function autosaved(page: Page, name: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('flowlane')
        open.onsuccess = () => {
          const request = open.result.transaction('sessions').objectStore('sessions').getAll()
          request.onsuccess = () =>
            resolve(
              (request.result as { name: string; unsaved: boolean }[]).some((s) => s.name === wanted && s.unsaved),
            )
          request.onerror = () => resolve(false)
        }
        open.onerror = () => resolve(false)
      }),
    name,
  )
}

test('edits survive a reload: recovery is offered and restores the document exactly', async ({ page }) => {
  await openEditor(page)
  await rename(page, 'Recovered 报价 flow')
  const edited = await currentDocument(page)
  await expect.poll(() => autosaved(page, 'Recovered 报价 flow'), { timeout: 5000 }).toBe(true)

  await page.reload()
  const dialog = page.getByRole('alertdialog', { name: 'Recover unsaved work?' })
  await expect(dialog).toContainText('Recovered 报价 flow')
  await page.screenshot({ path: 'test-results/recovery-offered.png' })
  await dialog.getByRole('button', { name: 'Recover' }).click()
  expect(await currentDocument(page)).toEqual(edited)
  await expect(page.getByText('Unsaved changes')).toBeVisible()
})

test('a discarded recovery is not offered again', async ({ page }) => {
  await openEditor(page)
  await rename(page, 'Throwaway draft')
  await expect.poll(() => autosaved(page, 'Throwaway draft'), { timeout: 5000 }).toBe(true)
  await page.reload()
  const dialog = page.getByRole('alertdialog', { name: 'Recover unsaved work?' })
  await dialog.getByRole('button', { name: 'Discard' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await page.locator('.react-flow__node-step').first().waitFor()
  await expect(page.getByRole('alertdialog', { name: 'Recover unsaved work?' })).toBeHidden()
})
