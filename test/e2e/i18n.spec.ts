import { expect, type Page } from '@playwright/test'
import { currentDocument, editorTest as test, screenshot } from './support.js'

/** Opens the toolbar's display menu (language and theme) unless it is open. */
async function openDisplayMenu(page: Page): Promise<void> {
  const button = page.getByTestId('display-menu')
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
}

async function choose(page: Page, menu: 'language-menu' | 'theme-menu', value: string): Promise<void> {
  await openDisplayMenu(page)
  await page.getByTestId(menu).selectOption(value)
  await page.keyboard.press('Escape')
}

/**
 * Words that may stay in Latin letters in the Chinese UI: the product, key names, file
 * extensions, units and codes people write that way in Chinese too.
 */
const ALLOWED = new Set([
  'Flowlane',
  'Ctrl',
  'Shift',
  'Alt',
  'Enter',
  'Tab',
  'Delete',
  'Backspace',
  // Key caps of the walkthrough's keys, as printed on keyboards and clickers.
  'Esc',
  'Home',
  'End',
  'PgUp',
  'PgDn',
  // File extensions in the help.
  'flow',
  'json',
  'bpmn',
  'mmd',
  'md',
  'SLA',
  'PERT',
  'CNY',
  'USD',
  'EUR',
  'ISO',
  'English',
  'px',
  'Mermaid',
  'BANT',
  'CRM',
  // Language codes beside the languages' own names in the document's language menu.
  'en',
  'zh-CN',
])

/** Every text a user sees in the chrome: element text, placeholders, titles and labels of controls. */
async function visibleTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => {
    const texts: string[] = []
    for (const root of roots) {
      texts.push((root as HTMLElement).innerText)
      for (const el of root.querySelectorAll<HTMLElement>('[placeholder], [title], [aria-label]')) {
        for (const attr of ['placeholder', 'title', 'aria-label']) {
          const v = el.getAttribute(attr)
          if (v) texts.push(v)
        }
      }
    }
    return texts
  })
}

/** Latin words left, apart from the allowed ones and the document's ids (data, shown as code). */
function englishWords(texts: readonly string[], ids: readonly string[] = []): string[] {
  const idWords = new Set(ids.flatMap((id) => id.match(/[A-Za-z][A-Za-z'-]+/g) ?? []))
  const words = texts.flatMap((t) => t.match(/[A-Za-z][A-Za-z'-]+/g) ?? [])
  return [...new Set(words.filter((w) => !ALLOWED.has(w) && !idWords.has(w)))]
}

const CHROME = '.toolbar, .palette, .inspector, .status-bar'

test('switching to Chinese leaves no English word in the toolbar, palette, inspector or status bar', async ({
  page,
}) => {
  // given the Chinese sales pipeline open in the English UI
  await page.getByRole('button', { name: 'New', exact: true }).click()
  await page.locator('[data-template="zh-CN/b2b-pipeline"]').click()
  await expect(page.locator('.toolbar')).toContainText('Save')
  expect(englishWords(await visibleTexts(page, CHROME))).toContain('Inspector')

  // when the language menu switches to 简体中文
  await choose(page, 'language-menu', 'zh-CN')

  // then every text of the chrome is Chinese: the document inspector…
  await expect(page.getByRole('tab', { name: '属性' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
  const doc = await currentDocument(page)
  const ids = [doc.id, ...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id), ...doc.lanes.map((l) => l.id)]
  expect(englishWords(await visibleTexts(page, CHROME), ids)).toEqual([])

  // …a step's inspector…
  const task = doc.nodes.find((n) => n.kind === 'task')!
  await page.evaluate((id) => {
    ;(window as unknown as { __flowlane: { getState(): { select(s: unknown): void } } }).__flowlane
      .getState()
      .select({ nodes: [id], edges: [] })
  }, task.id)
  await expect(page.locator('.inspector h2')).toHaveText(task.label)
  expect(englishWords(await visibleTexts(page, CHROME), ids)).toEqual([])
  await screenshot(page, 'zh-step-inspector')

  // …an edge's, the outline, the problems and the help
  await page.evaluate(
    (id) => {
      ;(window as unknown as { __flowlane: { getState(): { select(s: unknown): void } } }).__flowlane
        .getState()
        .select({ nodes: [], edges: [id] })
    },
    doc.edges.find((e) => e.probability !== undefined)!.id,
  )
  expect(englishWords(await visibleTexts(page, CHROME), ids)).toEqual([])
  await page.getByRole('tab', { name: '大纲' }).click()
  expect(englishWords(await visibleTexts(page, CHROME), ids)).toEqual([])
  await page.getByRole('tab', { name: /问题/ }).click()
  expect(englishWords(await visibleTexts(page, CHROME), ids)).toEqual([])
  await openDisplayMenu(page)
  expect(englishWords(await visibleTexts(page, '.display-popover'))).toEqual([])
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: '帮助' }).click()
  expect(englishWords(await visibleTexts(page, '.popover.help'))).toEqual([])
  await screenshot(page, 'zh-help')
})

test('the language is remembered across a reload, and the system language is the default', async ({ page }) => {
  await openDisplayMenu(page)
  await expect(page.getByTestId('language-menu')).toHaveValue('en')
  await choose(page, 'language-menu', 'zh-CN')
  await expect(page.getByRole('button', { name: '保存' })).toBeVisible()

  await page.reload()
  await page.locator('.react-flow__node-step').first().waitFor()
  await openDisplayMenu(page)
  await expect(page.getByTestId('language-menu')).toHaveValue('zh-CN')
  await expect(page.getByRole('button', { name: '保存' })).toBeVisible()

  await choose(page, 'language-menu', 'en')
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible()
})

test('problems and counts follow the UI language; the drawing keeps the document’s', async ({ page }) => {
  // given a problem in an English document: a step with no connection
  await page.evaluate(() => {
    const store = (window as unknown as { __flowlane: { getState(): { apply(l: string, r: (d: any) => void): void } } })
      .__flowlane
    store.getState().apply('test', (d) => {
      d.nodes.push({ id: 'orphan', kind: 'task', label: 'Orphan step', position: { x: 2400, y: 40 } })
    })
  })
  await expect(page.getByTestId('warning-count')).toContainText(/warnings?/)
  const before = await page.locator('.react-flow__node-step').first().innerText()

  await choose(page, 'language-menu', 'zh-CN')

  await expect(page.getByTestId('warning-count')).toContainText('个警告')
  await page.getByTestId('warning-count').click()
  await expect(page.locator('.problem-row[data-node="orphan"][data-rule="no-disconnected"]')).toContainText(
    '“Orphan step”没有与流程相连',
  )
  // The steps' labels and badges stay in the document's language.
  expect(await page.locator('.react-flow__node-step').first().innerText()).toBe(before)
})
