import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  fitToDisplays,
  parseWindowState,
  readWindowState,
  writeWindowState,
} from '../../../main/electron/windowState.js'

const laptop = { x: 0, y: 0, width: 1920, height: 1050 }
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('window size and position', () => {
  it('first start: default size, centred on the primary display', () => {
    expect(fitToDisplays(undefined, [laptop])).toEqual({ x: 240, y: 75, width: 1440, height: 900, maximized: false })
  })

  it('puts a window back where it was when a display shows it', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true }
    expect(fitToDisplays(saved, [laptop, rightMonitor])).toEqual(saved)
  })

  it('a window left on a monitor that is gone comes back centred on the primary display', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false }
    expect(fitToDisplays(saved, [laptop])).toEqual({ x: 160, y: 25, width: 1600, height: 1000, maximized: false })
  })

  it('a window larger than its display, or half off it, is shrunk and moved inside', () => {
    expect(fitToDisplays({ x: -50, y: -20, width: 4000, height: 3000, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1050,
      maximized: false,
    })
    expect(fitToDisplays({ x: 1800, y: 500, width: 800, height: 600, maximized: false }, [laptop])).toMatchObject({
      x: 1120,
      y: 450,
    })
  })

  it('never smaller than the minimum size', () => {
    expect(fitToDisplays({ x: 10, y: 10, width: 100, height: 50, maximized: false }, [laptop])).toMatchObject({
      width: 720,
      height: 480,
    })
  })

  it('a damaged state file is ignored', async () => {
    expect(parseWindowState('{"x":"left"}')).toBeUndefined()
    expect(parseWindowState('not json')).toBeUndefined()
    expect(parseWindowState('{"x":1,"y":2,"width":1e400,"height":3}')).toBeUndefined()
    const dir = mkdtempSync(join(tmpdir(), 'flowlane-ws-'))
    writeFileSync(join(dir, 'w.json'), '{')
    expect(await readWindowState(join(dir, 'w.json'))).toBeUndefined()
    await writeWindowState(join(dir, 'w.json'), { x: 1, y: 2, width: 800, height: 600, maximized: true })
    expect(await readWindowState(join(dir, 'w.json'))).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: true })
  })
})
