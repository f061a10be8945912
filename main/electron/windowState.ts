/**
 * The window's size and position, remembered in `<userData>/window-state.json` and put back
 * only where a display can show it: a window saved on a monitor that is gone comes back
 * centred on the primary display, never off-screen.
 */
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from '../io/writeFileAtomic.js'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface SavedWindowState extends Rect {
  readonly maximized: boolean
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const
export const MIN_SIZE = { width: 720, height: 480 } as const
/** How much of the title bar must be on a display for a saved position to be kept. */
const VISIBLE_MARGIN = 64

const finite = z.number().finite()
const Saved = z.object({
  x: finite,
  y: finite,
  width: finite.positive(),
  height: finite.positive(),
  maximized: z.boolean().default(false),
})

export function parseWindowState(text: string | undefined): SavedWindowState | undefined {
  if (text === undefined) return undefined
  try {
    const parsed = Saved.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

const overlap = (a: Rect, b: Rect): { width: number; height: number } => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
})

/**
 * Where the window opens: the saved rectangle when its title bar is on some display's work
 * area (its size capped to that display), otherwise centred on the primary display.
 * `displays` are work areas, the primary first.
 */
export function fitToDisplays(saved: SavedWindowState | undefined, displays: readonly Rect[]): SavedWindowState {
  const primary = displays[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  const centred = (width: number, height: number): SavedWindowState => {
    const w = Math.round(Math.max(Math.min(width, primary.width), Math.min(MIN_SIZE.width, primary.width)))
    const h = Math.round(Math.max(Math.min(height, primary.height), Math.min(MIN_SIZE.height, primary.height)))
    return {
      x: Math.round(primary.x + (primary.width - w) / 2),
      y: Math.round(primary.y + (primary.height - h) / 2),
      width: w,
      height: h,
      maximized: saved?.maximized ?? false,
    }
  }
  if (!saved) return centred(DEFAULT_SIZE.width, DEFAULT_SIZE.height)
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, 32) }
  const host = displays.find((d) => {
    const o = overlap(titleBar, d)
    return o.width >= Math.min(VISIBLE_MARGIN, saved.width) && o.height > 0
  })
  if (!host) return centred(saved.width, saved.height)
  const width = Math.round(Math.max(MIN_SIZE.width, Math.min(saved.width, host.width)))
  const height = Math.round(Math.max(MIN_SIZE.height, Math.min(saved.height, host.height)))
  // Keep it inside the host display's work area.
  const x = Math.round(Math.min(Math.max(saved.x, host.x), host.x + host.width - width))
  const y = Math.round(Math.min(Math.max(saved.y, host.y), host.y + host.height - height))
  return { x, y, width, height, maximized: saved.maximized }
}

export async function readWindowState(path: string): Promise<SavedWindowState | undefined> {
  return parseWindowState(await readFile(path, 'utf8').catch(() => undefined))
}

export async function writeWindowState(path: string, state: SavedWindowState): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(state)}\n`).catch(() => undefined)
}
