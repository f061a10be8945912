/**
 * Never lose work, beyond autosave: named versions in the History tab (what changed since,
 * restore as one undoable step, delete), and the toolbar's Recent list reopening a document
 * after a reload in the browser build.
 */
import { expect, type Page } from '@playwright/test'
import type { FlowDocument } from '../../shared/document/index.js'
import { currentDocument, editorState, editorTest as test, screenshot } from './support.js'

const TINY = 'test/fixtures/documents/tiny.flow.json'

type Store = { getState(): { apply(label: string, recipe: (d: FlowDocument) => void): void } }

/** Renames a step and moves it 40 px right, through the store, as the inspector and a drag do. */
async function renameAndMove(page: Page, id: string, label: string): Promise<void> {
  await page.evaluate(
    ([nodeId, value]) =>
      (window as unknown as { __flowlane: Store }).__flowlane.getState().apply('Test edit', (d) => {
        const node = d.nodes.find((n) => n.id === nodeId)!
        node.label = value!
        node.position.x += 40
      }),
    [id, label],
  )
}

/** Renames the process; with `dropLast`, also deletes its last step. */
async function renameProcess(page: Page, name: string, dropLast = false): Promise<void> {
  await page.evaluate(
    ([value, drop]) =>
      (window as unknown as { __flowlane: Store }).__flowlane.getState().apply('Test edit', (d) => {
        d.name = value
        if (drop) d.nodes.pop()
      }),
    [name, dropLast] as const,
  )
}

/** Sets the UI language and theme before the app starts, as a remembered choice would. */
async function startWith(page: Page, language: string, theme: string): Promise<void> {
  await page.evaluate(
    ([l, th]) => {
      localStorage.setItem('flowlane.language', l!)
      localStorage.setItem('flowlane.theme', th!)
    },
    [language, theme],
  )
  await page.reload()
  await page.locator('.react-flow__node-step').first().waitFor()
}

test('a named version: save it, edit, see what changed, restore it, and Ctrl+Z brings the edits back', async ({
  page,
}) => {
  await startWith(page, 'en', 'light')
  // given a version saved with the shortcut
  await page.keyboard.press('Control+Alt+s')
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true')
  const nameField = page.getByLabel('Name of a new version')
  await expect(nameField).toBeFocused()
  await nameField.fill('Before review')
  await nameField.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Saved the version “Before review”.' })).toBeVisible()
  const version = await currentDocument(page)

  // when the flow is edited: a step added from the keyboard, another renamed and moved
  await page.locator('.doc-title').click()
  await page.keyboard.press('Alt+2')
  await expect.poll(() => currentDocument(page).then((d) => d.nodes.length)).toBe(version.nodes.length + 1)
  const renamed = version.nodes.find((n) => n.kind === 'task')!
  await renameAndMove(page, renamed.id, 'Qualify the lead twice')
  const edited = await currentDocument(page)
  const added = edited.nodes.find((n) => !version.nodes.some((v) => v.id === n.id))!

  // then the version lists what changed since
  const history = page.locator('.history')
  await history.locator('.history-item', { hasText: 'Before review' }).click()
  const detail = page.getByRole('region', { name: 'Changes since “Before review”' })
  await expect(detail.locator('[data-change="steps-added"]')).toContainText('1 step added')
  await expect(detail.locator('[data-change="steps-added"]')).toContainText(added.label)
  await expect(detail.locator('[data-change="steps-changed"]')).toContainText('Qualify the lead twice')
  await expect(detail.locator('[data-change="steps-changed"]')).toContainText('label, position')
  await expect(detail.locator('[data-change="steps-removed"]')).toHaveCount(0)
  await screenshot(page, 'history-en-light')
  await page.screenshot({ path: '.scratch/hist/history-en-light.png' })

  // when restored: the document is the version, in one undoable step
  const undoBefore = (await editorState(page)).undo
  await detail.getByRole('button', { name: 'Restore this version' }).click()
  expect(await currentDocument(page)).toEqual(version)
  expect((await editorState(page)).undo).toBe(undoBefore + 1)
  await expect(detail).toContainText('The document is the same as this version.')

  // and Ctrl+Z brings back exactly what was there before
  await page.keyboard.press('Control+z')
  expect(await currentDocument(page)).toEqual(edited)
  await page.keyboard.press('Control+Shift+z')
  expect(await currentDocument(page)).toEqual(version)

  // a named version can be deleted
  page.once('dialog', (dialog) => void dialog.accept())
  await history.getByRole('button', { name: 'Delete the version “Before review”' }).click()
  await expect(history.getByText('No named versions of this process yet.')).toBeVisible()
  await expect(detail).toBeHidden()
})

test('the History tab in Chinese: every text translated, times in the Chinese format', async ({ page }) => {
  await startWith(page, 'zh-CN', 'light')
  await page.getByRole('tab', { name: '历史' }).click()
  await page.getByLabel('新版本的名称').fill('评审前')
  await page.getByRole('button', { name: '保存版本' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已保存版本“评审前”。' })).toBeVisible()
  const version = await currentDocument(page)
  await renameProcess(page, '销售流程（修订）', true)
  // The autosave of this session appears beside the version a second later.
  await expect(page.locator('.history-group').nth(1).locator('li')).not.toHaveCount(0, { timeout: 5000 })
  await page.locator('.history-item', { hasText: '评审前' }).click()
  const detail = page.locator('.history-detail')
  await expect(detail).toContainText('删除 1 个步骤')
  await expect(detail).toContainText('流程设置已更改')
  await expect(detail).toContainText('名称')
  // Dates as Chinese write them (年/月/日), not in English.
  await expect(page.locator('.history-item time').first()).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/)
  const texts = await page.locator('.inspector').evaluate((root) => (root as HTMLElement).innerText)
  // Latin words left are the keys' names and the steps' own labels (data, in the document's language).
  const labels = version.nodes.map((n) => n.label).join(' ')
  const words = (texts.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => !['Ctrl', 'Alt', 'S', 'Z'].includes(w))
  expect(words.filter((w) => !labels.includes(w))).toEqual([])
  await screenshot(page, 'history-zh-light')
  await page.screenshot({ path: '.scratch/hist/history-zh-light.png' })
})

test('recent documents: a file opened and edited is listed after a reload and reopens as it was left', async ({
  page,
}) => {
  await startWith(page, 'en', 'light')
  // given a file opened and edited
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Control+o')
  await (await chooser).setFiles(TINY)
  await expect.poll(() => currentDocument(page).then((d) => d.id)).toBe('tiny')
  await renameProcess(page, 'Tiny flow, edited')
  const edited = await currentDocument(page)
  // …then another document opened from a template
  await page.getByRole('button', { name: 'New', exact: true }).click()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.locator('[data-template="en/saas-funnel"]').click()
  await expect.poll(() => currentDocument(page).then((d) => d.id)).not.toBe('tiny')
  await page.getByRole('button', { name: 'Recent documents' }).click()
  const menu = page.getByRole('dialog', { name: 'Recent documents' })
  await expect(menu.locator('.recent-item').first()).toContainText('Tiny flow, edited')

  // when the page is reloaded (the browser keeps no file handle) and the file chosen again
  await page.reload()
  await page.locator('.react-flow__node-step').first().waitFor()
  const recovery = page.getByRole('alertdialog', { name: 'Recover unsaved work?' })
  if (await recovery.isVisible()) await recovery.getByRole('button', { name: 'Discard' }).click()
  await page.getByRole('button', { name: 'Recent documents' }).click()
  const item = menu.locator('.recent-item', { hasText: 'Tiny flow, edited' })
  await expect(item).toContainText('tiny.flow.json')
  await expect(item).toContainText('unsaved changes')
  await screenshot(page, 'recent-en-light')
  await page.screenshot({ path: '.scratch/hist/recent-en-light.png' })
  await item.click()

  // then it is back as it was left: same document, same file name, still unsaved
  await expect(menu).toBeHidden()
  expect(await currentDocument(page)).toEqual(edited)
  await expect(page).toHaveTitle(/^• tiny\.flow\.json — Flowlane$/)
})

test('the Recent list in Chinese', async ({ page }) => {
  await startWith(page, 'zh-CN', 'light')
  await renameProcess(page, '客户旅程草稿')
  await page.getByRole('button', { name: '最近的文档' }).click()
  const menu = page.getByRole('dialog', { name: '最近的文档' })
  await expect(menu.locator('.recent-item').first()).toContainText('客户旅程草稿', { timeout: 5000 })
  await expect(menu.locator('.recent-item').first()).toContainText(/\d{4}年\d{1,2}月\d{1,2}日.*更改/)
  await screenshot(page, 'recent-zh-light')
  await page.screenshot({ path: '.scratch/hist/recent-zh-light.png' })
})
