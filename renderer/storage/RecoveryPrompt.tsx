import { useEffect, useState } from 'react'
import { parseDocument, formatLoadError } from '../../shared/document/index.js'
import { useEditorStore } from '../app/EditorContext.js'
import { discardSession, findRecoverable } from './autosave.js'
import type { FlowlaneDatabase, SessionRecord } from './database.js'
import { formatDate, useT } from '../i18n/index.js'

type Recoverable = SessionRecord & { json: string }

/**
 * On start, offers every document whose latest changes no file holds: what it is and when it
 * was last changed; Recover opens it (still unsaved), Discard forgets it.
 */
export function RecoveryPrompt({ db, exceptKey }: { db: FlowlaneDatabase; exceptKey: () => string }) {
  const store = useEditorStore()
  const [items, setItems] = useState<Recoverable[]>([])
  const [error, setError] = useState<string | null>(null)
  const { t, language } = useT()
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
      setError(t('recovery.cannotRecover', { name: entry.name, errors: result.errors.map(formatLoadError).join('; ') }))
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
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {item && (
        <>
          <p>
            {t('recovery.body', {
              name: item.name,
              file: item.fileName ? ` (${item.fileName})` : '',
              when: formatDate(item.updatedAt, language),
            })}
          </p>
          {items.length > 1 && <p className="hint">{t('recovery.more', { count: items.length - 1 })}</p>}
          <div className="button-row">
            <button type="button" onClick={() => recover(item)}>
              {t('recovery.recover')}
            </button>
            <button type="button" onClick={() => discard(item)}>
              {t('recovery.discard')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
