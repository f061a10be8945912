import { useEffect, useState } from 'react'
import { formatLoadError } from '../../shared/document/index.js'
import type { RecentFile } from '../../shared/ipc/contract.js'
import { useEditorStore } from '../app/EditorContext.js'
import { loadText, type NoticeSink } from '../app/fileActions.js'
import { bridge, isDesktop } from '../bridge/bridge.js'
import { formatDate, useT } from '../i18n/index.js'
import type { RecentDocumentRecord } from '../storage/database.js'
import {
  forgetRecentDocuments,
  lastChanged,
  lastUsed,
  listRecentDocuments,
  reopenStoredDocument,
} from '../storage/recentDocuments.js'
import { useStorage } from '../storage/StorageContext.js'
import { useLiveQuery } from '../storage/useLiveQuery.js'
import './recent.css'

interface Item {
  readonly key: string
  readonly name: string
  readonly fileName: string | null
  readonly record: RecentDocumentRecord | undefined
  /** Desktop: the file's id in Open Recent. */
  readonly recentId?: string
}

const NO_RECORDS: RecentDocumentRecord[] = []

/**
 * The toolbar's Recent list: documents opened or changed lately, newest first, with when.
 * In the browser a click reopens the stored document; on the desktop it opens the file of
 * Open Recent from disk (the file is the truth), with the times this window recorded.
 */
export function RecentMenu({ onClose, notify }: { onClose: () => void; notify: NoticeSink }) {
  const storage = useStorage()
  const store = useEditorStore()
  const { t, language } = useT()
  const db = storage?.db
  const records = useLiveQuery(() => (db ? listRecentDocuments(db) : Promise.resolve([])), [db], NO_RECORDS)
  const [files, setFiles] = useState<readonly RecentFile[]>([])
  useEffect(() => {
    if (isDesktop) void bridge.listRecentFiles().then(setFiles, () => setFiles([]))
  }, [])

  const items: Item[] = isDesktop
    ? files.map((f) => {
        const record = records.find((r) => r.key === `file:${f.id}`)
        return { key: f.id, name: record?.name ?? f.name, fileName: f.name, record, recentId: f.id }
      })
    : records.map((r) => ({ key: r.key, name: r.name, fileName: r.fileName, record: r }))

  const reopen = async (item: Item) => {
    const state = store.getState()
    if (state.dirty && !window.confirm(t('templates.discardConfirm'))) return
    if (item.recentId !== undefined) {
      const opened = await bridge.openRecentFile(item.recentId)
      if (!opened) {
        notify({ kind: 'error', lines: [t('recent.gone', { name: item.fileName ?? item.name })] })
        setFiles(await bridge.listRecentFiles())
        return
      }
      if (await loadText(store, opened.text, opened.file.name, notify, opened.file)) onClose()
      return
    }
    if (!item.record || !storage) return
    const result = reopenStoredDocument(store, storage.recent, item.record)
    if (result.ok) onClose()
    else
      notify({
        kind: 'error',
        lines: [t('recent.cannotOpen', { name: item.name }), ...result.errors.map((e) => formatLoadError(e))],
      })
  }

  return (
    <div className="popover recent" role="dialog" aria-label={t('recent.title')}>
      <h2>{t('recent.title')}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('recent.none')}</p>
      ) : (
        <ul className="recent-list">
          {items.map((item) => {
            const record = item.record
            const changed = record !== undefined && lastChanged(record)
            return (
              <li key={item.key}>
                <button type="button" className="recent-item" onClick={() => void reopen(item)}>
                  <span className="recent-name">{item.name}</span>
                  <span className="recent-meta">
                    {item.fileName && <span className="recent-file">{item.fileName}</span>}
                    {record && (
                      <time dateTime={new Date(lastUsed(record)).toISOString()}>
                        {t(changed ? 'recent.changed' : 'recent.opened', {
                          when: formatDate(lastUsed(record), language),
                        })}
                      </time>
                    )}
                    {record?.unsaved && <span className="recent-unsaved">{t('recent.unsaved')}</span>}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {!isDesktop && items.length > 0 && db && (
        <div className="button-row recent-actions">
          <button type="button" onClick={() => void forgetRecentDocuments(db)}>
            {t('recent.clear')}
          </button>
        </div>
      )}
      <button type="button" className="close" onClick={onClose} aria-label={t('app.close')}>
        ✕
      </button>
    </div>
  )
}
