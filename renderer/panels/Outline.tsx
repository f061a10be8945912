import { useReactFlow } from '@xyflow/react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { FlowDocument } from '../../shared/document/index.js'
import { branchesOf } from '../../shared/edit/operations.js'
import { stepsInFlowOrder } from '../../shared/formats/handbook/handbookModel.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { focusNode } from '../canvas/focusNode.js'
import { formatPercent, t as translate, useT } from '../i18n/index.js'

interface Entry {
  readonly id: string
  readonly kind: string
  readonly label: string
  readonly owner: string | undefined
  readonly branches: readonly string[]
}

function entries(doc: FlowDocument, language: string): Entry[] {
  const t = translate
  const roles = new Map(doc.roles.map((r) => [r.id, r.name]))
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label || n.id]))
  return stepsInFlowOrder(doc).map((node) => {
    const timeoutEdge = node.timeout?.edgeId
    const branches = [
      ...branchesOf(doc, node.id).map((e) =>
        [
          `→ ${labels.get(e.target) ?? e.target}`,
          e.label ? ` (${e.label})` : '',
          e.probability !== undefined ? ` ${formatPercent(e.probability, language)}` : '',
        ].join(''),
      ),
      ...doc.edges
        .filter((e) => e.id === timeoutEdge)
        .map((e) => t('outline.timeoutBranch', { target: labels.get(e.target) ?? e.target })),
    ]
    return {
      id: node.id,
      kind: t(`kinds.${node.kind}`),
      label: node.label || node.id,
      owner: node.owner === undefined ? undefined : (roles.get(node.owner) ?? node.owner),
      branches,
    }
  })
}

/**
 * The flow in order as a list, for screen readers and keyboard users: arrow keys move
 * through the steps (each selected and brought into view), Enter opens it in the inspector.
 */
export function Outline({ onOpen }: { onOpen: () => void }) {
  const store = useEditorStore()
  const doc = useEditor((s) => s.doc)
  const selected = useEditor((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : undefined))
  const flow = useReactFlow()
  const { t, language } = useT()
  const list = useMemo(() => entries(doc, language), [doc, language])
  const [active, setActive] = useState<string | undefined>(selected)
  const listRef = useRef<HTMLUListElement>(null)
  const baseId = useId()
  const optionId = (id: string) => `${baseId}-${id}`

  useEffect(() => {
    if (selected !== undefined) setActive(selected)
  }, [selected])
  const current = list.some((e) => e.id === active) ? active : list[0]?.id

  useEffect(() => {
    if (current === undefined) return
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' })
  })

  const go = (id: string) => {
    setActive(id)
    focusNode(store, flow, id)
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    const index = list.findIndex((x) => x.id === current)
    let next: number | undefined
    if (e.key === 'ArrowDown') next = Math.min(list.length - 1, index + 1)
    else if (e.key === 'ArrowUp') next = Math.max(0, index - 1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = list.length - 1
    else if ((e.key === 'Enter' || e.key === ' ') && current !== undefined) {
      e.preventDefault()
      focusNode(store, flow, current)
      if (e.key === 'Enter') onOpen()
      return
    }
    if (next === undefined || next < 0) return
    e.preventDefault()
    go(list[next]!.id)
  }

  if (list.length === 0) return <p className="hint outline-empty">{t('outline.empty')}</p>
  return (
    <div className="outline">
      <p className="hint" id={`${baseId}-help`}>
        {t('outline.help', { count: list.length })}
      </p>
      <ul
        ref={listRef}
        className="outline-list"
        role="listbox"
        aria-label={t('outline.label')}
        aria-describedby={`${baseId}-help`}
        aria-activedescendant={current === undefined ? undefined : optionId(current)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {list.map((entry, i) => (
          <li
            key={entry.id}
            id={optionId(entry.id)}
            role="option"
            aria-selected={entry.id === selected}
            className={[
              'outline-entry',
              entry.id === current ? 'active' : '',
              entry.id === selected ? 'selected' : '',
            ].join(' ')}
            data-id={entry.id}
            onClick={() => {
              go(entry.id)
              listRef.current?.focus()
            }}
            onDoubleClick={onOpen}
          >
            <span className="outline-index" aria-hidden>
              {i + 1}
            </span>
            <span className="outline-body">
              <span className="outline-head">
                <span className="outline-kind">{entry.kind}</span>
                <span className="outline-label">{entry.label}</span>
              </span>
              {entry.owner && <span className="outline-owner">{t('outline.owner', { name: entry.owner })}</span>}
              {entry.branches.length > 0 && (
                <span className="outline-branches">
                  {entry.branches.map((b, j) => (
                    <span key={j}>{b}</span>
                  ))}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
