/** The preload with a mocked electron: what the page gets (quality.md S18). */
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../shared/ipc/contract.js'

const exposed = new Map<string, any>()
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve('ok'))
const listeners = new Map<string, (...args: any[]) => void>()
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, l: (...args: any[]) => void) => listeners.set(channel, l),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}))

describe('the preload', () => {
  it('exposes exactly the bridge under window.flowlane, and nothing of Electron', async () => {
    await import('../../../main/electron/preload.js')
    expect([...exposed.keys()]).toEqual(['flowlane'])
    const api = exposed.get('flowlane')
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('calls only the bridge’s channels', async () => {
    const api = exposed.get('flowlane')
    await api.saveDocument(null, '{}', 'a', { overwrite: true })
    await api.writeExport('pdf', '<svg/>', 'a.pdf')
    await api.respond(3, { dirty: false })
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.saveDocument, null, '{}', 'a', { overwrite: true }],
      [CHANNELS.writeExport, 'pdf', '<svg/>', 'a.pdf'],
      [CHANNELS.respond, 3, { dirty: false }],
    ])
  })

  it('passes main’s events on without Electron’s event object (no sender leaks)', () => {
    const api = exposed.get('flowlane')
    const seen: unknown[] = []
    const stop = api.onDesktopEvent((...args: unknown[]) => seen.push(args))
    listeners.get(CHANNELS.onDesktopEvent)!({ sender: { send: 'secret' } }, { type: 'command', command: 'save' })
    expect(seen).toEqual([[{ type: 'command', command: 'save' }]])
    stop()
    expect(listeners.has(CHANNELS.onDesktopEvent)).toBe(false)
  })
})
