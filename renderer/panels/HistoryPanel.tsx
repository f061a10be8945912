import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { parseDocument, type FlowDocument } from '../../shared/document/index.js'
import {
  countChanges,
  diffDocuments,
  DIFF_SECTIONS,
  type DocumentDiff,
  type ElementDiff,
} from '../../shared/document/diffDocuments.js'
import { replaceDocument } from '../../shared/edit/operations.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { SAVE_VERSION_KEYS } from '../app/shortcuts.js'
import { formatDate, i18n, useT } from '../i18n/index.js'
import { isQuotaError } from '../storage/autosave.js'
import type { SnapshotRecord } from '../storage/database.js'
import { useStorage } from '../storage/StorageContext.js'
import { useLiveQuery } from '../storage/useLiveQuery.js'
import { deleteVersion, listSnapshots, listVersions, saveVersion, type StoredVersion } from '../storage/versions.js'
import './history.css'

type Selected = { readonly kind: 'version' | 'autosave'; readonly id: number }

const NO_VERSIONS: StoredVersion[] = []
const NO_SNAPSHOTS: SnapshotRecord[] = []

/**
 * The History tab: save the document as a named version; list named versions and the
 * autosave snapshots of this session; show what changed since one of them, restore it (one
 * undoable step) or delete a named version.
 */
export function HistoryPanel({ focusName = 0 }: { focusName?: number }) {
  const storage = useStorage()
  const { t } = useT()
  if (!storage) return <p className="hint">{t('history.unavailable')}</p>
  return <History storage={storage} focusName={focusName} />
}

/** `focusName`: a count of requests (Ctrl+Alt+S) to focus the name field; 0 for none. */
function History({ storage, focusName }: { storage: NonNullable<ReturnType<typeof useStorage>>; focusName: number }) {
  const { db, autosaveKey } = storage
  const store = useEditorStore()
  const doc = useEditor((s) => s.doc)
  const loads = useEditor((s) => s.loads)
  const readOnly = useEditor((s) => s.readOnly)
  const { t, language } = useT()
  const nameId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [name, setName] = useState('')
  const [selected, setSelected] = useState<Selected | null>(null)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  const docId = doc.id
  const versions = useLiveQuery(() => listVersions(db, docId), [db, docId], NO_VERSIONS)
  const autosaveKeyNow = autosaveKey()
  const snapshots = useLiveQuery(() => listSnapshots(db, autosaveKeyNow), [db, autosaveKeyNow], NO_SNAPSHOTS)

  // Another document: nothing of the last one stays selected.
  useEffect(() => {
    setSelected(null)
    setMessage(null)
  }, [docId, loads])

  // Ctrl+Alt+S (shortcuts.ts) brings the name field here.
  useEffect(() => {
    if (focusName === 0) return
    input.current?.focus()
    input.current?.select()
  }, [focusName])

  const chosen = useMemo(() => {
    if (!selected) return undefined
    const record =
      selected.kind === 'version'
        ? versions.find((v) => v.id === selected.id)
        : snapshots.find((s) => s.id === selected.id)
    if (!record) return undefined
    const parsed = parseDocument(record.json, 'history')
    const title =
      'name' in record ? record.name : t('history.autosaveName', { when: formatDate(record.savedAt, language) })
    return { title, doc: parsed.ok ? parsed.value : null }
  }, [selected, versions, snapshots, t, language])

  const save = (event: FormEvent) => {
    event.preventDefault()
    const versionName = name.trim() || t('history.defaultName', { number: versions.length + 1 })
    void saveVersion(db, store.getState().doc, versionName)
      .then((version) => {
        setName('')
        setSelected({ kind: 'version', id: version.id })
        setMessage({ text: t('history.saved', { name: version.name }), error: false })
      })
      .catch((error: unknown) =>
        setMessage({
          text: isQuotaError(error)
            ? t('history.storageFull')
            : t('history.saveFailed', { reason: (error as Error).message ?? String(error) }),
          error: true,
        }),
      )
  }

  const remove = (version: StoredVersion) => {
    if (!window.confirm(t('history.deleteConfirm', { name: version.name }))) return
    if (selected?.kind === 'version' && selected.id === version.id) setSelected(null)
    void deleteVersion(db, version.id).catch((error: unknown) =>
      setMessage({
        text: t('history.deleteFailed', { reason: (error as Error).message ?? String(error) }),
        error: true,
      }),
    )
  }

  const restore = (title: string, version: FlowDocument) => {
    store.getState().apply('Restore version', (draft) => replaceDocument(draft, version))
    setMessage({ text: t('history.restored', { name: title }), error: false })
  }

  const isSelected = (kind: Selected['kind'], id: number | undefined) => selected?.kind === kind && selected.id === id

  return (
    <div className="history">
      <form className="history-save" onSubmit={save}>
        <label htmlFor={nameId}>{t('history.versionName')}</label>
        <div className="add-item">
          <input
            id={nameId}
            ref={input}
            data-field="version-name"
            value={name}
            maxLength={200}
            placeholder={t('history.defaultName', { number: versions.length + 1 })}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">{t('history.saveVersion')}</button>
        </div>
        <p className="hint">{t('history.saveHint', { keys: SAVE_VERSION_KEYS })}</p>
      </form>
      {message && (
        <p
          className={message.error ? 'history-message error' : 'history-message'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}

      <HistoryGroup title={t('history.versions')} empty={versions.length === 0 ? t('history.noVersions') : null}>
        {versions.map((version) => (
          <HistoryItem
            key={version.id}
            name={version.name}
            at={version.savedAt}
            selected={isSelected('version', version.id)}
            onSelect={() => setSelected({ kind: 'version', id: version.id })}
          >
            <button
              type="button"
              className="history-delete"
              aria-label={t('history.delete', { name: version.name })}
              title={t('history.delete', { name: version.name })}
              onClick={() => remove(version)}
            >
              ✕
            </button>
          </HistoryItem>
        ))}
      </HistoryGroup>

      <HistoryGroup title={t('history.autosaves')} empty={snapshots.length === 0 ? t('history.noAutosaves') : null}>
        {snapshots.map((snapshot) => (
          <HistoryItem
            key={snapshot.id}
            name={t('history.autosave')}
            at={snapshot.savedAt}
            selected={isSelected('autosave', snapshot.id)}
            onSelect={() => snapshot.id !== undefined && setSelected({ kind: 'autosave', id: snapshot.id })}
          />
        ))}
      </HistoryGroup>

      {chosen && (
        <section className="history-detail" aria-label={t('history.changesSince', { name: chosen.title })}>
          <h3>{t('history.changesSince', { name: chosen.title })}</h3>
          {chosen.doc ? (
            <>
              <Changes diff={diffDocuments(chosen.doc, doc)} />
              <div className="button-row">
                <button
                  type="button"
                  disabled={readOnly}
                  onClick={() => chosen.doc && restore(chosen.title, chosen.doc)}
                >
                  {t('history.restore')}
                </button>
              </div>
              <p className="hint">{t('history.restoreHint')}</p>
            </>
          ) : (
            <p className="hint">{t('history.unreadable')}</p>
          )}
        </section>
      )}
    </div>
  )
}

/** A titled list of versions or autosaves, or the hint `empty` when there are none. */
function HistoryGroup({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <section className="history-group" aria-label={title}>
      <h3>{title}</h3>
      {empty !== null ? <p className="hint">{empty}</p> : <ul>{children}</ul>}
    </section>
  )
}

/** A version or autosave in a list: its name and time, selected on a click; `children` beside it. */
function HistoryItem(props: {
  name: string
  at: number
  selected: boolean
  onSelect: () => void
  children?: ReactNode
}) {
  const { language } = useT()
  return (
    <li className={props.selected ? 'selected' : undefined}>
      <button type="button" className="history-item" aria-pressed={props.selected} onClick={props.onSelect}>
        <span className="history-name">{props.name}</span>
        <time dateTime={new Date(props.at).toISOString()}>{formatDate(props.at, language)}</time>
      </button>
      {props.children}
    </li>
  )
}

/** A field's name in the UI language, or the key itself for fields the catalog does not know (`x-…`). */
function fieldName(key: string): string {
  const catalogKey = `history.fields.${key}`
  return i18n.exists(catalogKey) ? i18n.t(catalogKey) : key
}

/** What changed since the chosen version, section by section: added, removed, changed (with fields). */
function Changes({ diff }: { diff: DocumentDiff }) {
  const { t } = useT()
  if (countChanges(diff) === 0) return <p className="hint">{t('history.noChanges')}</p>
  return (
    <div className="history-changes">
      {diff.document.length > 0 && (
        <div className="change-group">
          <h4>{t('history.documentChanged')}</h4>
          <p>{diff.document.map(fieldName).join(t('history.fieldSeparator'))}</p>
        </div>
      )}
      {DIFF_SECTIONS.map((section) => (
        <SectionChanges key={section} section={section} diff={diff[section]} />
      ))}
    </div>
  )
}

function SectionChanges({ section, diff }: { section: (typeof DIFF_SECTIONS)[number]; diff: ElementDiff }) {
  const { t } = useT()
  const groups = [
    { kind: 'added', items: diff.added.map((e) => ({ ...e, fields: [] as readonly string[] })) },
    { kind: 'removed', items: diff.removed.map((e) => ({ ...e, fields: [] as readonly string[] })) },
    { kind: 'changed', items: diff.changed },
  ] as const
  return (
    <>
      {groups.map(({ kind, items }) =>
        items.length === 0 ? null : (
          <div key={kind} className={`change-group change-${kind}`} data-change={`${section}-${kind}`}>
            <h4>{t(`history.${section}.${kind}`, { count: items.length })}</h4>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <span className="change-name">{item.name}</span>
                  {item.fields.length > 0 && (
                    <span className="change-fields">
                      {item.fields.map(fieldName).join(t('history.fieldSeparator'))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </>
  )
}
