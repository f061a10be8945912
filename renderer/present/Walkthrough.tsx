/**
 * Walkthrough mode for workshops: the flow itself, step by step, with no slides to author.
 * Full screen with the editor's chrome hidden, a projector theme (text at 32 px and more —
 * 24 pt at 1080p — white on black), the steps in flow order (arrow keys, PgUp/PgDn for
 * clickers), the current step spotlit on the diagram and the rest dimmed, and a large card
 * with its owner, time limit, resources and quality controls. `B` blanks the screen,
 * Escape leaves. A double click on the title fixes the step's label live (one undo step).
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { buildHandbook } from '../../shared/formats/handbook/handbookModel.js'
import { toSvg } from '../../shared/formats/svg/toSvg.js'
import { diagramBounds, nodeBox } from '../../shared/geometry/index.js'
import { updateNode } from '../../shared/edit/operations.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { simulationActions, simulationUi } from '../simulation/simulationStore.js'
import '../simulation/simulation.css'
import { useT } from '../i18n/index.js'

/** Screen pixels per diagram pixel: the diagram's 13 px labels come out at about 32 px. */
const ZOOM = 2.4
/** Room around the spotlit step. */
const SPOT_PAD = 14

export function Walkthrough() {
  const presenting = simulationUi((s) => s.presenting)
  return presenting ? <WalkthroughView /> : null
}

function WalkthroughView() {
  const store = useEditorStore()
  const doc = useEditor((s) => s.doc)
  const readOnly = useEditor((s) => s.readOnly)
  const { t } = useT()
  const root = useRef<HTMLDivElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const [index, setIndex] = useState(0)
  const [blank, setBlank] = useState(false)
  const [editing, setEditing] = useState(false)
  const [area, setArea] = useState({ width: 1100, height: 900 })
  const handbook = useMemo(() => buildHandbook(doc), [doc])
  const steps = handbook.steps
  const svgUrl = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSvg(doc))}`, [doc])
  const bounds = useMemo(() => diagramBounds(doc), [doc])
  const current = steps[Math.min(index, steps.length - 1)]

  // Full screen while presenting; leaving full screen (the browser's own Escape) ends it.
  useEffect(() => {
    const element = root.current
    let entered = false
    const onChange = () => {
      if (document.fullscreenElement) entered = true
      else if (entered) simulationActions.present(false)
    }
    document.addEventListener('fullscreenchange', onChange)
    element?.requestFullscreen?.().catch(() => undefined)
    element?.focus()
    return () => {
      document.removeEventListener('fullscreenchange', onChange)
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    }
  }, [])

  useEffect(() => {
    const element = stage.current
    if (!element) return
    const observer = new ResizeObserver(() => setArea({ width: element.clientWidth, height: element.clientHeight }))
    observer.observe(element)
    setArea({ width: element.clientWidth, height: element.clientHeight })
    return () => observer.disconnect()
  }, [])

  // Keys win over the editor's shortcuts while presenting (capture phase).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing) return
      const last = steps.length - 1
      let handled = true
      switch (e.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
        case ' ':
        case 'Enter':
          setBlank(false)
          setIndex((i) => Math.min(last, i + 1))
          break
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
        case 'Backspace':
          setBlank(false)
          setIndex((i) => Math.max(0, i - 1))
          break
        case 'Home':
          setIndex(0)
          break
        case 'End':
          setIndex(last)
          break
        case 'b':
        case 'B':
        case '.':
          setBlank((b) => !b)
          break
        case 'Escape':
          simulationActions.present(false)
          break
        default:
          handled = false
      }
      if (handled) {
        e.preventDefault()
        e.stopPropagation()
      } else if (!e.ctrlKey && !e.metaKey) e.stopPropagation()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [editing, steps.length])

  if (!current) {
    return (
      <div className="present" ref={root} tabIndex={-1} role="dialog" aria-label={t('present.label')}>
        <p className="present-empty">{t('present.empty')}</p>
      </div>
    )
  }

  const box = nodeBox(current.node)
  const viewWidth = area.width / ZOOM
  const viewHeight = area.height / ZOOM
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const viewBox = `${cx - viewWidth / 2} ${cy - viewHeight / 2} ${viewWidth} ${viewHeight}`
  const spot = {
    x: box.x - SPOT_PAD,
    y: box.y - SPOT_PAD,
    width: box.width + SPOT_PAD * 2,
    height: box.height + SPOT_PAD * 2,
  }

  const commitLabel = (label: string) => {
    setEditing(false)
    const text = label.trim()
    if (!text || text === current.node.label) return
    store.getState().apply('Edit label', (draft) => updateNode(draft, current.node.id, { label: text }))
  }

  return (
    <div
      className={`present${blank ? ' is-blank' : ''}`}
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-label={t('present.label')}
      data-step={current.node.id}
    >
      <div className="present-stage" ref={stage}>
        <svg className="present-diagram" viewBox={viewBox} preserveAspectRatio="xMidYMid meet" aria-hidden>
          <defs>
            <mask id="present-spot">
              <rect
                x={bounds.x - 5000}
                y={bounds.y - 5000}
                width={bounds.width + 10000}
                height={bounds.height + 10000}
                fill="#fff"
              />
              <rect {...spot} rx={10} fill="#000" />
            </mask>
          </defs>
          <rect
            x={bounds.x - 5000}
            y={bounds.y - 5000}
            width={bounds.width + 10000}
            height={bounds.height + 10000}
            fill="#ffffff"
          />
          <image href={svgUrl} x={bounds.x} y={bounds.y} width={bounds.width} height={bounds.height} />
          <rect
            x={bounds.x - 5000}
            y={bounds.y - 5000}
            width={bounds.width + 10000}
            height={bounds.height + 10000}
            fill="#000"
            opacity={0.72}
            mask="url(#present-spot)"
          />
          <rect {...spot} rx={10} fill="none" stroke="#ffd400" strokeWidth={4} />
        </svg>
      </div>
      <article className="present-card" aria-live="polite">
        <p className="present-count">
          {t('present.count', { number: current.number, total: steps.length, kind: current.kind })}
        </p>
        {editing ? (
          <input
            className="present-title-edit"
            aria-label={t('present.stepLabel')}
            defaultValue={current.node.label}
            autoFocus
            onBlur={(e) => commitLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitLabel(e.currentTarget.value)
              if (e.key === 'Escape') setEditing(false)
              e.stopPropagation()
            }}
          />
        ) : (
          <h1
            className="present-title"
            onDoubleClick={() => !readOnly && setEditing(true)}
            title={t('present.fixLabel')}
          >
            {current.node.label}
          </h1>
        )}
        <dl className="present-facts">
          <dt>{t('present.owner')}</dt>
          <dd data-fact="owner">{current.owner || '—'}</dd>
          <dt>{t('present.timeLimit')}</dt>
          <dd data-fact="timeLimit">{current.timeLimit || '—'}</dd>
          {current.duration && (
            <>
              <dt>{t('present.work')}</dt>
              <dd data-fact="duration">{current.duration}</dd>
            </>
          )}
          <dt>{t('present.resources')}</dt>
          <dd data-fact="resources">{current.resources.length ? current.resources.join(' · ') : '—'}</dd>
        </dl>
        <h2 className="present-sub">{t('present.qualityControls')}</h2>
        {current.qualityControls.length ? (
          <ul className="present-list" data-fact="qualityControls">
            {current.qualityControls.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        ) : (
          <p className="present-none" data-fact="qualityControls">
            —
          </p>
        )}
      </article>
      <footer className="present-footer">
        <span className="present-progress" aria-hidden>
          {steps.map((s, i) => (
            <span key={s.node.id} className={i === index ? 'is-current' : i < index ? 'is-done' : ''} />
          ))}
        </span>
        <span>{t('present.keys')}</span>
      </footer>
      {blank && <div className="present-blank" data-testid="present-blank" />}
    </div>
  )
}
