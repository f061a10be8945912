import { readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import { toMermaid } from '../../shared/formats/mermaid/toMermaid.js'
import { currentDocument, editorTest as test, screenshot } from './support.js'

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function choose(page: Page, label: string) {
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: label, exact: true }).check()
}

async function saved(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download')
  await page
    .getByRole('dialog', { name: 'Export' })
    .getByRole('button', { name: /^Save / })
    .click()
  const file = await download
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

test('every format is produced from the dialog, with a preview', async ({ page }) => {
  const doc = await currentDocument(page)
  const dialog = await openExport(page)
  const preview = dialog.getByTestId('export-preview')

  // Mermaid: the same text as the CLI's writer.
  await expect(preview).toHaveAttribute('data-format', 'mermaid')
  await expect(dialog.getByTestId('export-text')).toContainText('flowchart LR')
  let out = await saved(page)
  expect(out.name).toBe('B2B-sales-pipeline.mmd')
  expect(out.bytes.toString('utf8')).toBe(toMermaid(doc))

  await choose(page, 'BPMN 2.0')
  await expect(preview).toHaveAttribute('data-format', 'bpmn')
  out = await saved(page)
  expect(out.bytes.toString('utf8')).toContain('<bpmn:definitions')

  await choose(page, 'SVG')
  await expect(preview.locator('img')).toBeVisible()
  out = await saved(page)
  expect(out.bytes.toString('utf8')).toMatch(/^<svg xmlns/)

  await choose(page, 'PNG')
  await dialog.getByLabel('Scale').selectOption('1')
  await expect(preview.locator('img')).toBeVisible()
  await screenshot(page, 'export-png')
  out = await saved(page)
  expect(out.name).toMatch(/\.png$/)
  expect([...out.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  const width1 = out.bytes.readUInt32BE(16)
  await dialog.getByLabel('Scale').selectOption('2')
  await dialog.getByLabel('Theme').selectOption('dark')
  await expect(preview.locator('img')).toBeVisible()
  await screenshot(page, 'export-png-dark')
  out = await saved(page)
  expect(out.bytes.readUInt32BE(16)).toBe(width1 * 2)

  await choose(page, 'Markdown handbook')
  await expect(dialog.getByTestId('export-text')).toContainText(`# ${doc.name}`)
  out = await saved(page)
  expect(out.name).toMatch(/\.md$/)

  await choose(page, 'HTML handbook')
  await expect(preview.locator('iframe')).toBeVisible()
  out = await saved(page)
  expect(out.bytes.toString('utf8')).toMatch(/^<!doctype html>/i)

  await choose(page, 'Flowlane JSON')
  out = await saved(page)
  expect(JSON.parse(out.bytes.toString('utf8'))).toEqual(doc)

  // PDF in a browser: the handbook to the print dialog, said plainly; no fake PDF file.
  await choose(page, 'PDF')
  await expect(preview).toContainText('Save as PDF')
  await expect(dialog.getByRole('button', { name: 'Print handbook…' })).toBeVisible()
  await expect(dialog.getByRole('button', { name: /^Save / })).toHaveCount(0)

  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})

test('Mermaid text and PNG copy to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const doc = await currentDocument(page)
  const dialog = await openExport(page)
  await expect(dialog.getByTestId('export-preview')).toHaveAttribute('data-format', 'mermaid')
  await dialog.getByRole('button', { name: 'Copy' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Mermaid text copied to the clipboard')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(toMermaid(doc))

  await choose(page, 'PNG')
  await expect(dialog.getByTestId('export-preview').locator('img')).toBeVisible()
  await dialog.getByRole('button', { name: 'Copy' }).click()
  await expect(dialog.getByRole('status')).toHaveText('PNG copied to the clipboard')
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types))
  expect(types).toContain('image/png')
})
