import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url))

/** The small flow of file-format.md, as text. */
export function tinyText(): string {
  return readFileSync(fixturePath('tiny.flow.json'), 'utf8')
}

/** The tiny flow as a plain object, to break one thing at a time. */
export function tinyRaw(): Record<string, any> {
  return JSON.parse(tinyText()) as Record<string, any>
}
