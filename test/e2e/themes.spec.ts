import { expect, type Page } from '@playwright/test'
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../shared/formats/svg/theme.js'
import { editorTest as test, screenshot } from './support.js'

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

const taskFill = (page: import('@playwright/test').Page) =>
  page
    .locator('.react-flow__node-step .step-task svg rect, .react-flow__node-step .step-task svg polygon')
    .first()
    .getAttribute('fill')

test('the theme switches the chrome and the canvas, and survives a reload', async ({ page }) => {
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
  expect(await taskFill(page)).toBe(LIGHT_THEME.kinds.task.fill)

  await choose(page, 'theme-menu', 'dark')
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
  await expect.poll(() => taskFill(page)).toBe(DARK_THEME.kinds.task.fill)
  const panel = await page.locator('.inspector').evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(panel).toBe('rgb(17, 24, 39)')
  await screenshot(page, 'theme-dark')

  await page.reload()
  await page.locator('.react-flow__node-step').first().waitFor()
  await openDisplayMenu(page)
  await expect(page.getByTestId('theme-menu')).toHaveValue('dark')
  expect(await taskFill(page)).toBe(DARK_THEME.kinds.task.fill)
})

test('the projector theme is high contrast with large type', async ({ page }) => {
  const before = (await page.getByRole('button', { name: 'Save' }).boundingBox())!.height
  await choose(page, 'theme-menu', 'high-contrast')
  await expect.poll(() => taskFill(page)).toBe(HIGH_CONTRAST_THEME.kinds.task.fill)
  const after = (await page.getByRole('button', { name: 'Save' }).boundingBox())!.height
  expect(after).toBeGreaterThan(before * 1.2)
  const text = await page.locator('.status-bar').evaluate((el) => getComputedStyle(el).color)
  expect(text).toBe('rgb(31, 41, 55)')
  await screenshot(page, 'theme-projector')

  await choose(page, 'language-menu', 'zh-CN')
  await screenshot(page, 'theme-projector-zh')
  await choose(page, 'theme-menu', 'light')
})
