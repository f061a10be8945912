/**
 * Unsaved changes on close and quit (quality.md D13). Main does not know what the editor
 * holds: it asks the renderer through the bridge ("unsaved?"), then the user (Save / Don't
 * Save / Cancel), and for Save asks the renderer to save (which may show Save As). Only
 * when that succeeds, or the user chose not to save, does the window close.
 */
import type { DesktopAnswer, DesktopEvent, DesktopRequest } from '../../shared/ipc/contract.js'

/** Requests from main to a renderer, answered through the bridge's `respond`. */
export function createRequester(send: (contentsId: number, event: DesktopEvent) => void) {
  let next = 1
  const pending = new Map<number, { contentsId: number; resolve: (answer: DesktopAnswer | undefined) => void }>()
  return {
    /** Resolves with the answer, or undefined if none came within `timeoutMs` or the window went away. */
    ask(contentsId: number, request: DesktopRequest, timeoutMs?: number): Promise<DesktopAnswer | undefined> {
      const id = next++
      return new Promise((resolve) => {
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                pending.delete(id)
                resolve(undefined)
              }, timeoutMs)
        pending.set(id, {
          contentsId,
          resolve: (answer) => {
            if (timer) clearTimeout(timer)
            pending.delete(id)
            resolve(answer)
          },
        })
        try {
          send(contentsId, { type: 'request', id, request })
        } catch {
          pending.get(id)?.resolve(undefined)
        }
      })
    },
    /** An answer counts only from the window that was asked. */
    answer(contentsId: number, id: number, answer: DesktopAnswer): boolean {
      const entry = pending.get(id)
      if (!entry || entry.contentsId !== contentsId) return false
      entry.resolve(answer)
      return true
    },
    /** A window that closed or crashed answers nothing. */
    forget(contentsId: number): void {
      for (const entry of [...pending.values()]) if (entry.contentsId === contentsId) entry.resolve(undefined)
    },
  }
}

export type Requester = ReturnType<typeof createRequester>

export type CloseChoice = 'save' | 'discard' | 'cancel'

/** The part of a BrowserWindow the guard needs. */
export interface GuardedWindow {
  readonly contentsId: number
  onClose(listener: (event: { preventDefault(): void }) => void): void
  close(): void
  isDestroyed(): boolean
}

export interface CloseGuardOptions {
  readonly requester: Requester
  /** Asks the user; `responsive: false` when the renderer did not answer (offer Don't Save / Cancel). */
  prompt(window: GuardedWindow, responsive: boolean): Promise<CloseChoice>
  /** How long the renderer has to say whether it has unsaved changes. */
  readonly answerTimeoutMs?: number
}

export function createCloseGuard(options: CloseGuardOptions) {
  const approved = new WeakSet<GuardedWindow>()
  const checking = new WeakMap<GuardedWindow, Promise<boolean>>()

  /** Resolves true when the window may close. */
  async function decide(window: GuardedWindow): Promise<boolean> {
    const answer = await options.requester.ask(window.contentsId, 'unsaved', options.answerTimeoutMs ?? 5_000)
    if (answer && 'dirty' in answer && !answer.dirty) return true
    const choice = await options.prompt(window, answer !== undefined)
    if (choice === 'cancel') return false
    if (choice === 'discard') return true
    const saved = await options.requester.ask(window.contentsId, 'save')
    return !!saved && 'saved' in saved && saved.saved
  }

  /** Asks once at a time per window; true when the window may close. */
  function confirm(window: GuardedWindow): Promise<boolean> {
    if (approved.has(window) || window.isDestroyed()) return Promise.resolve(true)
    let running = checking.get(window)
    if (!running) {
      running = decide(window)
        .catch(() => false)
        .then((ok) => {
          checking.delete(window)
          if (ok) approved.add(window)
          return ok
        })
      checking.set(window, running)
    }
    return running
  }

  return {
    attach(window: GuardedWindow): void {
      window.onClose((event) => {
        if (approved.has(window)) return
        event.preventDefault()
        void confirm(window).then((ok) => {
          if (ok && !window.isDestroyed()) window.close()
        })
      })
    },
    confirm,
    /** Before quitting: every window in turn; false (quit cancelled) at the first Cancel. */
    async confirmAll(windows: readonly GuardedWindow[]): Promise<boolean> {
      for (const window of windows) if (!(await confirm(window))) return false
      return true
    },
  }
}
