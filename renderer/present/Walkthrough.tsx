/**
 * Walkthrough mode for workshops: the flow itself, step by step, with no slides to author.
 * Full screen with the editor's chrome hidden, in the projector theme (text at 32 px and more —
 * 24 pt at 1080p — on black, lanes in a colour-blind-safe palette); the steps in flow order
 * (arrow keys, PgUp/PgDn for clickers), the current step spotlit and the rest dimmed, with a
 * large card of its owner, time limit, resources and quality controls. Digits and `L` zoom to
 * a lane, `0` shows the whole flow; `A` plays cases moving through the flow from a simulation
 * run, with the queue at each step; `P` shows a pointer halo; `B` blanks the screen; the PDF
 * button writes one page per step. A double click on the title fixes the step's label live
 * (one undo step). `?` lists the keys; Escape steps back out, and finally leaves.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FlowNode } from '../../shared/document/index.js'
import type { HandbookStep } from '../../shared/formats/handbook/handbookModel.js'
import { buildHandbook } from '../../shared/formats/handbook/handbookModel.js'
import { HIGH_CONTRAST_THEME, laneColors, laneTitle } from '../../shared/formats/svg/theme.js'
import { toSvg } from '../../shared/formats/svg/toSvg.js'
import { fitView, grow, laneIndexOf, viewAround } from '../../shared/formats/walkthrough/walkthroughView.js'
import { SPOT_COLOR, SPOT_PAD } from '../../shared/formats/walkthrough/walkthroughPages.js'
import { diagramBounds, LANE, laneBands, nodeBox, type Box, type LaneBand } from '../../shared/geometry/index.js'
import { updateNode } from '../../shared/edit/operations.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { simulationActions, simulationUi } from '../simulation/simulationStore.js'
import { useT } from '../i18n/index.js'
import { AnimationPanel, CaseAnimationLayer, useCaseAnimation } from './CaseAnimation.js'
import { PointerHalo } from './PointerHalo.js'
import { KeyRows } from '../app/keyHelp.js'
import { PRESENT_KEYS } from './presentKeys.js'
import { exportWalkthrough } from './walkthroughExport.js'
import './present.css'

/** Screen pixels per diagram pixel around a step: the diagram's 14 px labels come out at about 34 px. */
const ZOOM = 2.4
/** A lane too long for the screen is shown in part, no smaller than this, following the step. */
const LANE_MIN_SCALE = 1.6
/** Room kept around a lane band. */
const LANE_PAD = 24
/** How long a message stays up. */
const TOAST_MS = 6000

/** The Keyboard Lock API, where there is one. */
interface KeyboardLock {
  lock?(keys: readonly string[]): Promise<void>
  unlock?(): void
}

type View = { readonly kind: 'step' } | { readonly kind: 'flow' } | { readonly kind: 'lane'; readonly lane: number }

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
  const [view, setView] = useState<View>({ kind: 'step' })
  const [blank, setBlank] = useState(false)
  const [editing, setEditing] = useState(false)
  const [pointer, setPointer] = useState(false)
  const [help, setHelp] = useState(false)
  const [toast, setToast] = useState<string | null>(null)
  const [area, setArea] = useState({ width: 1100, height: 900 })
  const animation = useCaseAnimation(doc)
  const steps = useMemo(() => buildHandbook(doc).steps, [doc])
  const svgUrl = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSvg(doc, { theme: HIGH_CONTRAST_THEME }))}`,
    [doc],
  )
  const bounds = useMemo(() => diagramBounds(doc), [doc])
  const bands = useMemo(() => laneBands(doc), [doc])
  const current = steps[Math.min(index, steps.length - 1)]
  const currentLane = current ? laneIndexOf(current.node, bands) : -1

  // Full screen while presenting; leaving full screen (the browser's own Escape) ends it.
  useEffect(() => {
    const element = root.current
    let entered = false
    const onChange = () => {
      if (document.fullscreenElement) entered = true
      else if (entered) simulationActions.present(false)
    }
    document.addEventListener('fullscreenchange', onChange)
    // With the keyboard locked, Escape reaches the walkthrough (back out of a lane, stop the
    // cases) instead of ending full screen; holding it down still leaves (Chromium, Electron).
    const keyboard = (navigator as Navigator & { keyboard?: KeyboardLock }).keyboard
    element
      ?.requestFullscreen?.()
      .then(() => keyboard?.lock?.(['Escape']))
      .catch(() => undefined)
    element?.focus()
    return () => {
      keyboard?.unlock?.()
      document.removeEventListener('fullscreenchange', onChange)
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    }
  }, [])

  useEffect(() => {
    const element = stage.current
    if (!element) return
    const measure = () => setArea({ width: element.clientWidth, height: element.clientHeight })
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    measure()
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast])

  /** Moves to step `next`; a lane view follows the step into its lane. */
  const goTo = (next: number) => {
    const target = Math.max(0, Math.min(steps.length - 1, next))
    setBlank(false)
    setIndex(target)
    const step = steps[target]
    if (view.kind === 'lane' && step) {
      const lane = laneIndexOf(step.node, bands)
      if (lane >= 0) setView({ kind: 'lane', lane })
    }
  }
  const showLane = (lane: number) => {
    if (lane >= 0 && lane < bands.length) setView({ kind: 'lane', lane })
  }
  const startAnimation = () => {
    // Cases move through the whole flow: show it, unless a lane is in view.
    if (!animation.active && view.kind === 'step') setView({ kind: 'flow' })
    animation.toggle()
  }
  const exportPdf = () => {
    void exportWalkthrough(doc, t).then((message) => message && setToast(message))
  }

  // Keys win over the editor's shortcuts while presenting (capture phase). The handler is
  // replaced on every render, so it always sees the current state.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined)
  onKey.current = (e: KeyboardEvent) => {
    if (editing) return
    let handled = true
    if (e.ctrlKey || e.metaKey || e.altKey) handled = false
    else if (help && (e.key === 'Escape' || e.key === '?' || e.key === 'F1')) setHelp(false)
    else if (/^[1-9]$/.test(e.key)) showLane(Number(e.key) - 1)
    else
      switch (e.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
        case 'Enter':
          goTo(index + 1)
          break
        case ' ':
          if (animation.active) animation.toggle()
          else goTo(index + 1)
          break
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
        case 'Backspace':
          goTo(index - 1)
          break
        case 'Home':
          goTo(0)
          break
        case 'End':
          goTo(steps.length - 1)
          break
        case 'l':
          showLane(view.kind === 'lane' ? (view.lane + 1) % bands.length : Math.max(0, currentLane))
          break
        case 'L':
          showLane(view.kind === 'lane' ? (view.lane + bands.length - 1) % bands.length : Math.max(0, currentLane))
          break
        case '0':
          setView({ kind: 'flow' })
          break
        case 'a':
        case 'A':
          startAnimation()
          break
        case '+':
        case '=':
        case ']':
          animation.faster()
          break
        case '-':
        case '_':
        case '[':
          animation.slower()
          break
        case 'p':
        case 'P':
          setPointer((on) => !on)
          break
        case 'b':
        case 'B':
        case '.':
          setBlank((b) => !b)
          break
        case '?':
        case 'h':
        case 'H':
        case 'F1':
          setHelp(true)
          break
        case 'Escape':
          if (blank) setBlank(false)
          else if (animation.active) animation.stop()
          else if (view.kind !== 'step') setView({ kind: 'step' })
          else simulationActions.present(false)
          break
        default:
          handled = false
      }
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
    } else if (!e.ctrlKey && !e.metaKey) e.stopPropagation()
  }
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e)
    window.addEventListener('keydown', listener, true)
    return () => window.removeEventListener('keydown', listener, true)
  }, [])

  if (!current) {
    return (
      <div className="present" ref={root} tabIndex={-1} role="dialog" aria-label={t('present.label')}>
        <p className="present-empty">{t('present.empty')}</p>
      </div>
    )
  }

  const stepBox = nodeBox(current.node)
  const spot = grow(stepBox, SPOT_PAD)
  const stepCentre = { x: stepBox.x + stepBox.width / 2, y: stepBox.y + stepBox.height / 2 }
  const laneShown = view.kind === 'lane' ? view.lane : -1
  const band = bands[laneShown]
  const laneContent = band
    ? laneExtent(
        band,
        doc.nodes.filter((n) => laneIndexOf(n, bands) === laneShown),
      )
    : undefined
  const { view: viewBox, scale } =
    view.kind === 'flow'
      ? fitView(bounds, area, { pad: 10, maxScale: ZOOM })
      : band && laneContent
        ? fitView(laneContent, area, {
            pad: LANE_PAD,
            minScale: LANE_MIN_SCALE,
            maxScale: ZOOM,
            focus: currentLane === laneShown ? stepCentre : { x: band.box.x, y: band.box.y + band.box.height / 2 },
          })
        : { view: viewAround(stepCentre, area, ZOOM), scale: ZOOM }
  // What stays bright: the lane in a lane view, else the step (nothing while cases play).
  const hole: Box | undefined = band ? band.box : animation.active ? undefined : spot
  const outlineStep = !animation.active && (!band || currentLane === laneShown)
  const outside = grow(viewBox, 100)
  const px = 1 / scale

  const commitLabel = (label: string) => {
    setEditing(false)
    const text = label.trim()
    if (!text || text === current.node.label) return
    store.getState().apply('Edit label', (draft) => updateNode(draft, current.node.id, { label: text }))
  }
  /** Controls give the keyboard back to the walkthrough once clicked. */
  const act = (action: () => void) => () => {
    action()
    root.current?.focus()
  }
  const wide = view.kind !== 'step'

  return (
    <div
      className={`present${blank ? ' is-blank' : ''}${wide ? ' is-wide' : ''}`}
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-label={t('present.label')}
      data-step={current.node.id}
      data-view={view.kind === 'lane' ? `lane-${view.lane + 1}` : view.kind}
    >
      <div className="present-stage" ref={stage}>
        <svg
          className="present-diagram"
          viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
          preserveAspectRatio="xMidYMid meet"
          data-testid="present-diagram"
        >
          <defs>
            <mask id="present-spot">
              <rect {...outside} fill="#fff" />
              {hole && <rect {...hole} rx={band ? 0 : 10} fill="#000" />}
            </mask>
          </defs>
          <rect {...outside} fill="#ffffff" />
          <image href={svgUrl} x={bounds.x} y={bounds.y} width={bounds.width} height={bounds.height} />
          {hole && (
            <rect
              {...outside}
              fill="#000"
              opacity={band ? 0.6 : view.kind === 'flow' ? 0.35 : 0.72}
              mask="url(#present-spot)"
            />
          )}
          {band && (
            <rect
              {...band.box}
              fill="none"
              stroke={SPOT_COLOR}
              strokeWidth={6 * px}
              data-testid="present-lane-outline"
            />
          )}
          {outlineStep && (
            <rect {...spot} rx={10} fill="none" stroke={SPOT_COLOR} strokeWidth={10 * px} data-testid="present-spot" />
          )}
          <CaseAnimationLayer doc={doc} controls={animation} scale={scale} />
          {bands.map((b, i) => (
            <rect
              key={b.laneId}
              className="present-lane-hit"
              x={b.box.x}
              y={b.box.y}
              width={LANE.headerWidth}
              height={b.box.height}
              fill="transparent"
              onClick={act(() => showLane(i))}
            />
          ))}
        </svg>
        {wide && <ViewCaption view={view} bands={bands} name={doc.name} steps={steps.length} />}
        {animation.active && <AnimationPanel controls={animation} />}
        {toast && (
          <p className="present-panel present-toast" role="status">
            {toast}
          </p>
        )}
      </div>
      {!wide && (
        <StepCard
          step={current}
          total={steps.length}
          lane={currentLane >= 0 ? { index: currentLane, name: bands[currentLane]!.name } : undefined}
          editing={editing}
          onEdit={() => !readOnly && setEditing(true)}
          onCommit={commitLabel}
          onCancel={() => setEditing(false)}
        />
      )}
      <footer className="present-footer">
        <span className="present-progress" aria-hidden>
          {steps.map((s, i) => (
            <span key={s.node.id} className={i === index ? 'is-current' : i < index ? 'is-done' : ''} />
          ))}
        </span>
        <nav className="present-controls" aria-label={t('present.controls')}>
          <button
            type="button"
            aria-pressed={view.kind === 'step'}
            title={t('present.stepViewTitle')}
            onClick={act(() => setView({ kind: 'step' }))}
          >
            {t('present.stepView')}
          </button>
          <button
            type="button"
            aria-pressed={view.kind === 'flow'}
            title={t('present.flowViewTitle')}
            onClick={act(() => setView({ kind: 'flow' }))}
          >
            {t('present.flowView')}
          </button>
          {bands.map((b, i) => {
            const colors = laneColors(HIGH_CONTRAST_THEME, i)
            const label = t('present.laneButton', { number: i + 1, name: b.name })
            return (
              <button
                key={b.laneId}
                type="button"
                className="present-lane-button"
                style={{ background: colors.header, color: colors.headerText }}
                aria-pressed={view.kind === 'lane' && view.lane === i}
                aria-label={label}
                title={label}
                onClick={act(() => showLane(i))}
              >
                {i + 1}
              </button>
            )
          })}
          <button
            type="button"
            aria-pressed={animation.active}
            title={t('present.playTitle')}
            onClick={act(animation.active ? animation.stop : startAnimation)}
          >
            {t('present.play')}
          </button>
          <button
            type="button"
            aria-pressed={pointer}
            title={t('present.pointerTitle')}
            onClick={act(() => setPointer((on) => !on))}
          >
            {t('present.pointer')}
          </button>
          <button type="button" title={t('present.pdfTitle')} onClick={act(exportPdf)}>
            {t('present.pdf')}
          </button>
          <button
            type="button"
            aria-pressed={help}
            aria-label={t('present.helpTitle')}
            title={t('present.helpTitle')}
            onClick={act(() => setHelp((on) => !on))}
          >
            ?
          </button>
        </nav>
      </footer>
      {help && <KeyHelp onClose={act(() => setHelp(false))} />}
      {pointer && !blank && <PointerHalo />}
      {blank && <div className="present-blank" data-testid="present-blank" />}
    </div>
  )
}

/** A lane's band from its header to its last step: what a lane view fits. */
function laneExtent(band: LaneBand, nodes: readonly FlowNode[]): Box {
  const right = Math.max(band.box.x + 400, ...nodes.map((n) => nodeBox(n).x + nodeBox(n).width + LANE.marginRight))
  return { ...band.box, width: Math.min(band.box.width, right - band.box.x) }
}

/** The current step's card: what it is, who owns it, its time limit, resources and quality controls. */
function StepCard({
  step,
  total,
  lane,
  editing,
  onEdit,
  onCommit,
  onCancel,
}: {
  step: HandbookStep
  total: number
  lane: { index: number; name: string } | undefined
  editing: boolean
  onEdit: () => void
  onCommit: (label: string) => void
  onCancel: () => void
}) {
  const { t } = useT()
  return (
    <article className="present-card" aria-live="polite">
      <p className="present-count">{t('present.count', { number: step.number, total, kind: step.kind })}</p>
      {editing ? (
        <input
          className="present-title-edit"
          aria-label={t('present.stepLabel')}
          defaultValue={step.node.label}
          autoFocus
          onBlur={(e) => onCommit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onCommit(e.currentTarget.value)
            if (e.key === 'Escape') onCancel()
            e.stopPropagation()
          }}
        />
      ) : (
        <h1 className="present-title" onDoubleClick={onEdit} title={t('present.fixLabel')}>
          {step.node.label}
        </h1>
      )}
      <dl className="present-facts">
        {lane && (
          <>
            <dt>{t('present.lane')}</dt>
            <dd data-fact="lane">
              <LaneSwatch index={lane.index} /> {lane.name}
            </dd>
          </>
        )}
        <dt>{t('present.owner')}</dt>
        <dd data-fact="owner">{step.owner || '—'}</dd>
        <dt>{t('present.timeLimit')}</dt>
        <dd data-fact="timeLimit">{step.timeLimit || '—'}</dd>
        {step.duration && (
          <>
            <dt>{t('present.work')}</dt>
            <dd data-fact="duration">{step.duration}</dd>
          </>
        )}
        <dt>{t('present.resources')}</dt>
        <dd data-fact="resources">{step.resources.length ? step.resources.join(' · ') : '—'}</dd>
      </dl>
      <h2 className="present-sub">{t('present.qualityControls')}</h2>
      {step.qualityControls.length ? (
        <ul className="present-list" data-fact="qualityControls">
          {step.qualityControls.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ul>
      ) : (
        <p className="present-none" data-fact="qualityControls">
          —
        </p>
      )}
    </article>
  )
}

/** What a lane view or the whole flow shows, named over the diagram. */
function ViewCaption({
  view,
  bands,
  name,
  steps,
}: {
  view: View
  bands: readonly LaneBand[]
  name: string
  steps: number
}) {
  const { t } = useT()
  if (view.kind === 'lane') {
    const band = bands[view.lane]!
    return (
      <div className="present-panel present-caption" data-testid="present-caption">
        <p className="present-caption-count">{t('present.laneOf', { number: view.lane + 1, total: bands.length })}</p>
        <h1>
          <LaneSwatch index={view.lane} /> {laneTitle(band, {})}
        </h1>
      </div>
    )
  }
  return (
    <div className="present-panel present-caption" data-testid="present-caption">
      <p className="present-caption-count">{t('present.wholeFlow', { count: steps })}</p>
      <h1>{name}</h1>
    </div>
  )
}

/** A lane's number in its palette colour, as on its header. */
function LaneSwatch({ index }: { index: number }) {
  const colors = laneColors(HIGH_CONTRAST_THEME, index)
  return (
    <span className="present-swatch" style={{ background: colors.header, color: colors.headerText }}>
      {index + 1}
    </span>
  )
}

/** The walkthrough's keys, on screen. */
function KeyHelp({ onClose }: { onClose: () => void }) {
  const { t } = useT()
  return (
    <div className="present-help" role="dialog" aria-label={t('present.keyHelp.title')}>
      <h2>{t('present.keyHelp.title')}</h2>
      <table>
        <tbody>
          <KeyRows keys={PRESENT_KEYS} />
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('present.keyHelp.close')}
      </button>
    </div>
  )
}
