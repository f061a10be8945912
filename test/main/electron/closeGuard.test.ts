import { describe, expect, it, vi } from 'vitest'
import {
  createCloseGuard,
  createRequester,
  type CloseChoice,
  type GuardedWindow,
} from '../../../main/electron/closeGuard.js'
import type { DesktopEvent } from '../../../shared/ipc/contract.js'

/** A window whose renderer answers like the editor would. */
function setup(renderer: { dirty: boolean; saves?: boolean; silent?: boolean }, choice: CloseChoice) {
  const sent: DesktopEvent[] = []
  const requester = createRequester((_id, event) => {
    sent.push(event)
    if (renderer.silent || event.type !== 'request') return
    queueMicrotask(() =>
      requester.answer(
        1,
        event.id,
        event.request === 'unsaved' ? { dirty: renderer.dirty } : { saved: renderer.saves ?? false },
      ),
    )
  })
  const prompt = vi.fn((_w: GuardedWindow, _responsive: boolean) => Promise.resolve(choice))
  const guard = createCloseGuard({ requester, prompt, answerTimeoutMs: 20 })
  let closeListener: ((e: { preventDefault(): void }) => void) | undefined
  const window = {
    contentsId: 1,
    onClose: (l: typeof closeListener) => (closeListener = l),
    close: vi.fn(() => {
      const event = { preventDefault: vi.fn() }
      closeListener!(event)
      if (!event.preventDefault.mock.calls.length) closed = true
    }),
    isDestroyed: () => closed,
  }
  let closed = false
  guard.attach(window)
  const settle = () => new Promise((r) => setTimeout(r, 60))
  return { guard, window, prompt, sent, settle, closed: () => closed, requester }
}

describe('unsaved changes on close and quit (quality.md D13)', () => {
  it('a window without unsaved changes closes without a question', async () => {
    const s = setup({ dirty: false }, 'cancel')
    s.window.close()
    await s.settle()
    expect(s.closed()).toBe(true)
    expect(s.prompt).not.toHaveBeenCalled()
  })

  it('Save: the renderer saves, then the window closes', async () => {
    const s = setup({ dirty: true, saves: true }, 'save')
    s.window.close()
    await s.settle()
    expect(s.prompt).toHaveBeenCalledWith(s.window, true)
    expect(s.sent.map((e) => e.type === 'request' && e.request)).toEqual(['unsaved', 'save'])
    expect(s.closed()).toBe(true)
  })

  it('Save that fails or is cancelled (Save As dialog closed) keeps the window open', async () => {
    const s = setup({ dirty: true, saves: false }, 'save')
    s.window.close()
    await s.settle()
    expect(s.closed()).toBe(false)
  })

  it('Don’t Save closes; Cancel keeps it open', async () => {
    const discard = setup({ dirty: true }, 'discard')
    discard.window.close()
    await discard.settle()
    expect(discard.closed()).toBe(true)
    const cancel = setup({ dirty: true }, 'cancel')
    cancel.window.close()
    await cancel.settle()
    expect(cancel.closed()).toBe(false)
  })

  it('a renderer that does not answer gets the unresponsive question', async () => {
    const s = setup({ dirty: true, silent: true }, 'discard')
    s.window.close()
    await s.settle()
    expect(s.prompt).toHaveBeenCalledWith(s.window, false)
    expect(s.closed()).toBe(true)
  })

  it('quit stops at the first Cancel', async () => {
    const s = setup({ dirty: true }, 'cancel')
    expect(await s.guard.confirmAll([s.window])).toBe(false)
    const ok = setup({ dirty: false }, 'cancel')
    expect(await ok.guard.confirmAll([ok.window])).toBe(true)
  })

  it('asks once even when close is pressed twice', async () => {
    const s = setup({ dirty: true }, 'cancel')
    s.window.close()
    s.window.close()
    await s.settle()
    expect(s.prompt).toHaveBeenCalledTimes(1)
  })

  it('answers count only from the window that was asked', async () => {
    const requester = createRequester(() => undefined)
    const answer = requester.ask(1, 'unsaved', 50)
    expect(requester.answer(2, 1, { dirty: false })).toBe(false)
    expect(requester.answer(1, 99, { dirty: false })).toBe(false)
    expect(requester.answer(1, 1, { dirty: true })).toBe(true)
    expect(await answer).toEqual({ dirty: true })
  })
})
