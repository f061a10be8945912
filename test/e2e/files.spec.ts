/**
 * Opening files as a user does: Ctrl+O and the browser bridge's file chooser, or a file dropped
 * on the window. Flowlane JSON opens as it is, Mermaid through the importer with its warnings
 * shown, and a broken file names itself and the place, leaving the open document alone.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { currentDocument, editorState, editorTest as test, screenshot } from './support.js'

const TINY = 'test/fixtures/documents/tiny.flow.json'
const MERMAID = 'test/fixtures/e2e/new-leads.mmd'
const BROKEN = 'test/fixtures/e2e/broken.flow.json'
const DROPPED = 'test/fixtures/e2e/dropped.flow.json'

/** Ctrl+O, then picks a file in the chooser the browser bridge opens. */
async function openWithChooser(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Control+o')
  await (await chooser).setFiles(path)
}

/** Every step of the open document is drawn inside the canvas. */
async function expectAllStepsInView(page: Page): Promise<void> {
  const ids = (await currentDocument(page)).nodes.map((n) => n.id)
  const canvas = (await page.locator('.canvas').boundingBox())!
  for (const id of ids) {
    const box = await page.locator(`.react-flow__node-step[data-id="${id}"]`).boundingBox()
    expect(box, `step ${id} drawn`).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(canvas.x)
    expect(box!.y).toBeGreaterThanOrEqual(canvas.y)
    expect(box!.x + box!.width).toBeLessThanOrEqual(canvas.x + canvas.width)
    expect(box!.y + box!.height).toBeLessThanOrEqual(canvas.y + canvas.height)
  }
}

test('Ctrl+O opens a .flow.json through the file chooser, shown whole', async ({ page }) => {
  await openWithChooser(page, TINY)
  await expect.poll(() => currentDocument(page).then((d) => d.id)).toBe('tiny')
  const doc = await currentDocument(page)
  expect(doc).toEqual(JSON.parse(readFileSync(TINY, 'utf8')))
  await expect(page.locator('.react-flow__node-step')).toHaveCount(doc.nodes.length)
  await expect(page).toHaveTitle(/^tiny\.flow\.json — Flowlane$/)
  await expect(page.locator('.doc-title')).toContainText('Tiny sales flow')
  expect(await editorState(page)).toMatchObject({ undo: 0, redo: 0 })
  await expectAllStepsInView(page)
})

test('a Mermaid file opens through the importer and its warnings are shown', async ({ page }) => {
  await openWithChooser(page, MERMAID)
  await expect.poll(() => currentDocument(page).then((d) => d.nodes.length)).toBe(6)
  const doc = await currentDocument(page)
  expect(doc.nodes.map((n) => [n.kind, n.label])).toEqual(
    expect.arrayContaining([
      ['start', 'New lead'],
      ['task', 'Call the lead'],
      ['decision', 'Good fit?'],
      ['end', 'Won'],
    ]),
  )
  const fit = doc.nodes.find((n) => n.label === 'Good fit?')!
  expect(
    doc.edges
      .filter((e) => e.source === fit.id)
      .map((e) => e.probability)
      .sort(),
  ).toEqual([0.3, 0.7])

  const notice = page.locator('.notice')
  await expect(notice).toHaveClass(/notice-warning/)
  await expect(notice).toContainText('new-leads.mmd')
  // each dropped line is named with its place
  await expect(notice).toContainText(/new-leads\.mmd:8\b.*click/i)
  await expect(notice).toContainText(/new-leads\.mmd:9\b.*style/i)
  // an import is not the file on disk: saving asks where
  await expect(page.locator('.doc-title .dirty')).toBeVisible()
  await expectAllStepsInView(page)
  await screenshot(page, 'mermaid-opened-with-warnings')
})

test('a broken file names the file and line:column, and the open document stays', async ({ page }) => {
  const before = await currentDocument(page)
  await openWithChooser(page, BROKEN)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Cannot open broken.flow.json')
  await expect(alert).toContainText(/broken\.flow\.json:6:3\b/)
  expect(await currentDocument(page)).toEqual(before)
  await screenshot(page, 'broken-file')
  // the notice can be dismissed
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toHaveCount(0)
})

test('a file dropped on the window opens', async ({ page }) => {
  const text = readFileSync(DROPPED, 'utf8')
  const dataTransfer = await page.evaluateHandle(
    ([content, name]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], name, { type: 'application/json' }))
      return transfer
    },
    [text, basename(DROPPED)] as const,
  )
  const target = page.locator('.canvas')
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
  await expect.poll(() => currentDocument(page).then((d) => d.id)).toBe('dropped')
  expect(await currentDocument(page)).toEqual(JSON.parse(text))
  await expect(page.locator('.react-flow__node-step')).toHaveCount(3)
  await expectAllStepsInView(page)
})

test('an importer’s warnings are shown in the UI language', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('flowlane.language', 'zh-CN'))
  await page.reload()
  await page.locator('.react-flow__node-step').first().waitFor()
  await openWithChooser(page, MERMAID)
  const notice = page.locator('.notice')
  await expect(notice).toContainText('已导入 new-leads.mmd，但有警告：')
  await expect(notice).toContainText('new-leads.mmd:8: 已去掉一个 click：Flowlane 不在步骤上保留链接或回调')
  await expect(notice).toContainText('new-leads.mmd:9: 已忽略 1 条 style 语句：Flowlane 按步骤类型着色')
})
