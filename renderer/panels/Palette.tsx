import { useReactFlow } from '@xyflow/react'
import type { NodeKind } from '../../shared/document/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { useT } from '../i18n/index.js'
import { quickAddStep } from '../canvas/quickAdd.js'

export const PALETTE_MIME = 'application/x-flowlane-kind'

const KINDS: readonly { kind: NodeKind; en: string; zh: string; key: string }[] = [
  { kind: 'start', en: 'Start', zh: '开始', key: '1' },
  { kind: 'task', en: 'Task', zh: '任务', key: '2' },
  { kind: 'decision', en: 'Decision', zh: '判断', key: '3' },
  { kind: 'approval', en: 'Approval', zh: '审批', key: '4' },
  { kind: 'wait', en: 'Wait', zh: '等待', key: '5' },
  { kind: 'parallel', en: 'Parallel', zh: '并行', key: '6' },
  { kind: 'subprocess', en: 'Subprocess', zh: '子流程', key: '7' },
  { kind: 'end', en: 'End', zh: '结束', key: '8' },
  { kind: 'note', en: 'Note', zh: '注释', key: '9' },
]

/** The label a new step starts with, in the document's language. */
export function defaultLabel(kind: NodeKind, locale: string | undefined): string {
  const entry = KINDS.find((k) => k.kind === kind)!
  return locale?.toLowerCase().startsWith('zh') ? `新${entry.zh}` : `New ${entry.en.toLowerCase()}`
}

/**
 * Adds any kind of step: click to place it after the selected step (connected) or in the middle
 * of the view, or drag it where it goes.
 */
export function Palette() {
  const store = useEditorStore()
  const readOnly = useEditor((s) => s.readOnly)
  const flow = useReactFlow()
  const { t } = useT()
  // With a step selected, the new one goes after it, connected (as draw.io does); see quickAdd.ts.
  const add = (kind: NodeKind) => quickAddStep(store, flow, kind, defaultLabel(kind, store.getState().doc.locale))
  return (
    <nav className="palette" aria-label={t('palette.label')}>
      {KINDS.map(({ kind, key }) => (
        <button
          key={kind}
          type="button"
          className={`palette-item palette-${kind}`}
          draggable={!readOnly}
          disabled={readOnly}
          onDragStart={(event) => {
            event.dataTransfer.setData(PALETTE_MIME, kind)
            event.dataTransfer.effectAllowed = 'copy'
          }}
          onClick={() => add(kind)}
          title={t('palette.addTitle', { kind: t(`kinds.${kind}`), key })}
          aria-keyshortcuts={`Alt+${key}`}
          data-kind={kind}
        >
          <span className={`palette-icon icon-${kind}`} aria-hidden />
          {t(`kinds.${kind}`)}
        </button>
      ))}
    </nav>
  )
}
