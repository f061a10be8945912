import { useEffect, useState } from 'react'
import { parseDocument, formatLoadError } from '../../shared/document/index.js'
import { useEditorStore } from '../app/EditorContext.js'
import { discardSession, findRecoverable } from './autosave.js'
import type { FlowlaneDatabase, SessionRecord } from './database.js'

type Recoverable = SessionRecord & { json: string }

/**
 * On start, offers every document whose latest changes no file holds: what it is and when it
 * was last changed; Recover opens it (still unsaved), Discard forgets it.
 */
export function RecoveryPrompt({ db, exceptKey }: { db: FlowlaneDatabase; exceptKey: () => string }) {
  const store = useEditorStore()
  const [items, setItems] = useState<Recoverable[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    findRecoverable(db, exceptKey())
      .then(setItems)
      .catch(() => setItems([]))
  }, [db, exceptKey])
  if (items.length === 0 && !error) return null
  const item = items[0]
  const recover = (entry: Recoverable) => {
    const result = parseDocument(entry.json, entry.fileName ?? entry.name)
    if (!result.ok) {
      setError(`Cannot recover ${entry.name}: ${result.errors.map(formatLoadError).join('; ')}`)
      return
    }
    store.getState().load(result.value, null, { dirty: true })
    void discardSession(db, entry.key)
    setItems((all) => all.slice(1))
  }
  const discard = (entry: Recoverable) => {
    void discardSession(db, entry.key)
    setItems((all) => all.slice(1))
  }
  return (
    <div className="popover recovery" role="alertdialog" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recover unsaved work?</h2>
      {error && <p role="alert">{error}</p>}
      {item && (
        <>
          <p>
            <strong>{item.name}</strong>
            {item.fileName ? ` (${item.fileName})` : ''} has changes that were not saved to a file, last changed{' '}
            {new Date(item.updatedAt).toLocaleString()}.
          </p>
          {items.length > 1 && <p className="hint">{items.length - 1} more after this one.</p>}
          <div className="button-row">
            <button type="button" onClick={() => recover(item)}>
              Recover
            </button>
            <button type="button" onClick={() => discard(item)}>
              Discard
            </button>
          </div>
        </>
      )}
    </div>
  )
}
