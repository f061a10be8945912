import { readFileSync } from 'node:fs'
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

test('a full storage: autosave says so, and the document stays intact, editable and saveable', async ({ page }) => {
  // given IndexedDB refusing every write as a full disk would (quality.md D8), once switched on
  await page.addInitScript(() => {
    const flags = window as unknown as { __storageFull?: boolean }
    for (const method of ['put', 'add'] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own store as `this`
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (flags.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      }
    }
  })
  const errors = await openEditor(page)
  await page.evaluate(() => ((window as unknown as { __storageFull?: boolean }).__storageFull = true))

  // when the document is edited
  await rename(page, 'Edited on a full disk')
  const edited = await currentDocument(page)

  // then the message says autosave is paused…
  const notice = page.locator('.autosave-notice')
  await expect(notice).toContainText('Autosave paused: the browser storage is full.', { timeout: 5000 })
  await page.screenshot({ path: test.info().outputPath('autosave-full.png') })
  // …the document in memory is the edited one, untouched by the failed write…
  expect(await currentDocument(page)).toEqual(edited)
  await expect(page.locator('.doc-title')).toContainText('Edited on a full disk')
  // …it can still be edited and undone…
  await rename(page, 'Edited twice')
  expect((await currentDocument(page)).name).toBe('Edited twice')
  await page.locator('.doc-title').click()
  await page.keyboard.press('Control+z')
  expect(await currentDocument(page)).toEqual(edited)
  // …and saved to a file, byte for byte what it holds
  const download = page.waitForEvent('download')
  await page.keyboard.press('Control+s')
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as FlowDocument
  expect(saved).toEqual(edited)
  await expect(page.getByText('Unsaved changes')).toBeHidden()

  // once there is room again, the next change is autosaved and the message goes
  await page.evaluate(() => ((window as unknown as { __storageFull?: boolean }).__storageFull = false))
  await rename(page, 'Room again')
  await expect(notice).toBeHidden({ timeout: 5000 })
  await expect.poll(() => autosaved(page, 'Room again'), { timeout: 5000 }).toBe(true)
  expect(errors).toEqual([])
})
