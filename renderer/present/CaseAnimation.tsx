/**
 * Cases moving through the flow during the walkthrough: a simulation run of the first cases
 * in the simulation's Web Worker, traced (shared/simulate/trace.ts), then played back on the
 * working clock — tokens travel along the edges, a badge on each step counts the cases
 * waiting in its line, a dot per case at work. `A` or Space plays and pauses, + and − change
 * the speed, Esc stops.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FlowDocument } from '../../shared/document/index.js'
import { nodeBox } from '../../shared/geometry/index.js'
import { DEFAULT_SEED, type SimulationTrace } from '../../shared/simulate/index.js'
import { useT } from '../i18n/index.js'
import { SimulationRunner } from '../simulation/runner.js'
import { buildCaseAnimation, defaultSpeed, SPEEDS, stateAt, tokensAt, type CaseAnimation } from './caseAnimation.js'

/** Cases simulated and traced: enough to build queues, few enough to follow by eye. */
export const ANIMATED_CASES = 200
/** Seconds a token takes from one step to the next, whatever the speed. */
const TRAVEL_SECONDS = 0.7

type Status =
  | { readonly state: 'off' }
  | { readonly state: 'simulating' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly trace: SimulationTrace }

export interface AnimationControls {
  /** Not off: the walkthrough shows the panel (and, when ready, the layer). */
  readonly active: boolean
  readonly status: Status['state']
  readonly message: string | undefined
  readonly animation: CaseAnimation | undefined
  readonly playing: boolean
  /** Working hours since the first case entered. */
  readonly time: number
  /** Working days per second. */
  readonly speed: number
  readonly start: () => void
  readonly stop: () => void
  /** Starts, or plays and pauses once started. */
  readonly toggle: () => void
  readonly faster: () => void
  readonly slower: () => void
}

export function useCaseAnimation(doc: FlowDocument): AnimationControls {
  const [status, setStatus] = useState<Status>({ state: 'off' })
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [speed, setSpeed] = useState<number>(1)
  const runner = useRef<SimulationRunner | null>(null)
  const docRef = useRef(doc)
  docRef.current = doc
  const trace = status.state === 'ready' ? status.trace : undefined
  // A label fixed live changes the document, not the run: the model follows the drawing.
  const animation = useMemo(() => (trace ? buildCaseAnimation(doc, trace) : undefined), [doc, trace])

  useEffect(() => () => runner.current?.dispose(), [])

  const start = useCallback(() => {
    const current = docRef.current
    setStatus({ state: 'simulating' })
    setPlaying(false)
    setTime(0)
    runner.current ??= new SimulationRunner()
    void runner.current
      .run(
        current,
        {
          cases: ANIMATED_CASES,
          seed: current.simulation?.seed ?? DEFAULT_SEED,
          replications: 1,
          trace: ANIMATED_CASES,
        },
        () => undefined,
      )
      .then((answer) => {
        if (answer.type === 'cancelled') return
        if (answer.type === 'failed' || !answer.trace) {
          setStatus({ state: 'failed', message: answer.type === 'failed' ? answer.message : 'no trace' })
          return
        }
        setSpeed(defaultSpeed(buildCaseAnimation(current, answer.trace)))
        setStatus({ state: 'ready', trace: answer.trace })
        setPlaying(true)
      })
  }, [])

  const stop = useCallback(() => {
    runner.current?.cancel()
    setStatus({ state: 'off' })
    setPlaying(false)
  }, [])

  const toggle = useCallback(() => {
    if (status.state === 'off' || status.state === 'failed') start()
    else if (animation) {
      // Play again from the start once it has ended.
      if (!playing && time >= animation.end) setTime(0)
      setPlaying(!playing)
    }
  }, [status.state, animation, playing, time, start])

  const step = (direction: 1 | -1) =>
    setSpeed((s) => {
      const i = SPEEDS.indexOf(s as (typeof SPEEDS)[number])
      return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 4 : i) + direction))]!
    })

  // The clock: working hours advance with the frames while playing.
  useEffect(() => {
    if (!playing || !animation) return
    let frame = 0
    let last = performance.now()
    const tick = (now: number) => {
      const seconds = Math.min(0.25, (now - last) / 1000)
      last = now
      setTime((t) => {
        const next = t + seconds * speed * animation.hoursPerDay
        if (next >= animation.end) {
          setPlaying(false)
          return animation.end
        }
        return next
      })
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(frame)
  }, [playing, animation, speed])

  return {
    active: status.state !== 'off',
    status: status.state,
    message: status.state === 'failed' ? status.message : undefined,
    animation,
    playing,
    time,
    speed,
    start,
    stop,
    toggle,
    faster: () => step(1),
    slower: () => step(-1),
  }
}

/** A queue badge's colour: yellow, orange, vermillion (Okabe–Ito) as the line grows; black text on each. */
function queueColour(queued: number, longest: number): string {
  const share = queued / Math.max(1, longest)
  return share < 0.34 ? '#f0e442' : share < 0.67 ? '#e69f00' : '#d55e00'
}

const MAX_DOTS = 5

/**
 * Drawn in the walkthrough's diagram, in drawing coordinates: a dot above a step per case at
 * work there, a badge on its corner with the cases waiting in its line, a token per case on
 * its way. `scale` (screen pixels per drawing pixel) keeps them the same size on screen at
 * every zoom.
 */
export function CaseAnimationLayer({
  doc,
  controls,
  scale,
}: {
  doc: FlowDocument
  controls: AnimationControls
  scale: number
}) {
  const { animation, time, speed } = controls
  if (!animation) return null
  const px = 1 / scale
  const travel = TRAVEL_SECONDS * speed * animation.hoursPerDay
  const state = stateAt(animation, time)
  const tokens = tokensAt(animation, time, travel)
  return (
    <g className="present-animation" data-time={time.toFixed(3)}>
      {tokens.map((token, i) => (
        <circle
          key={`${token.caseId}-${i}`}
          className="present-token"
          cx={token.x}
          cy={token.y}
          r={9 * px}
          fill="#d55e00"
          stroke="#ffffff"
          strokeWidth={3 * px}
        />
      ))}
      {doc.nodes.map((node) => {
        const at = state.steps.get(node.id)
        if (!at || (at.queued === 0 && at.working === 0)) return null
        const box = nodeBox(node)
        const dots = Math.min(MAX_DOTS, at.working)
        return (
          <g key={node.id} className="present-queue" data-node={node.id} data-queue={at.queued}>
            {Array.from({ length: dots }, (_, i) => (
              <circle
                key={i}
                cx={box.x + (10 + i * 20) * px}
                cy={box.y - 12 * px}
                r={7 * px}
                fill="#0072b2"
                stroke="#ffffff"
                strokeWidth={2 * px}
              />
            ))}
            {at.working > MAX_DOTS && (
              <text
                x={box.x + (2 + MAX_DOTS * 20) * px}
                y={box.y - 12 * px}
                fontSize={18 * px}
                fontWeight={700}
                dominantBaseline="central"
                fill="#000000"
              >
                +{at.working - MAX_DOTS}
              </text>
            )}
            {at.queued > 0 && (
              <g>
                <circle
                  cx={box.x + box.width}
                  cy={box.y}
                  r={(at.queued > 99 ? 30 : 24) * px}
                  fill={queueColour(at.queued, animation.longestQueue)}
                  stroke="#000000"
                  strokeWidth={3 * px}
                />
                <text
                  x={box.x + box.width}
                  y={box.y}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={26 * px}
                  fontWeight={800}
                  fill="#000000"
                >
                  {at.queued}
                </text>
              </g>
            )}
          </g>
        )
      })}
    </g>
  )
}

/** The animation's clock and controls, over the diagram. */
export function AnimationPanel({ controls }: { controls: AnimationControls }) {
  const { t } = useT()
  const { animation, status } = controls
  if (status === 'simulating') {
    return (
      <div className="present-panel present-anim" role="status">
        {t('present.anim.simulating', { cases: ANIMATED_CASES })}
      </div>
    )
  }
  if (status === 'failed' || !animation) {
    return (
      <div className="present-panel present-anim" role="status">
        <p>{t('present.anim.failed', { reason: controls.message ?? '' })}</p>
        <button type="button" onClick={controls.stop}>
          {t('present.anim.close')}
        </button>
      </div>
    )
  }
  const state = stateAt(animation, controls.time)
  const days = controls.time / animation.hoursPerDay
  return (
    <div className="present-panel present-anim" data-testid="present-animation">
      <p className="present-anim-clock" aria-live="off">
        {t('present.anim.time', { days: days.toFixed(1) })}
      </p>
      <p>{t('present.anim.cases', { inFlow: state.inFlow, finished: state.finished, total: animation.cases })}</p>
      <div className="present-anim-buttons">
        <button
          type="button"
          onClick={controls.toggle}
          aria-label={controls.playing ? t('present.anim.pause') : t('present.anim.play')}
        >
          {controls.playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={controls.slower} aria-label={t('present.anim.slower')}>
          −
        </button>
        <span className="present-anim-speed">{t('present.anim.speed', { days: controls.speed })}</span>
        <button type="button" onClick={controls.faster} aria-label={t('present.anim.faster')}>
          +
        </button>
        <button type="button" onClick={controls.stop} aria-label={t('present.anim.close')}>
          ✕
        </button>
      </div>
    </div>
  )
}
