import { useReactFlow, type NodeProps } from '@xyflow/react'
import { createContext, memo, useCallback, useMemo, useRef, useState, type PointerEvent } from 'react'
import type { FlowDocument, Point } from '../../shared/document/index.js'
import { moveNodes } from '../../shared/edit/operations.js'
import { nodeColors } from '../../shared/formats/svg/theme.js'
import type { DiagramTheme } from '../../shared/formats/svg/theme.js'
import {
  boundingBox,
  GRID_SIZE,
  nodeBox,
  outlineWidth,
  paddedBox,
  shapePrimitives,
  snapToGuides,
  type Box,
} from '../../shared/geometry/index.js'
import { useEditorStore } from '../app/EditorContext.js'
import { useHeat } from '../simulation/simulationStore.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import { focusNode } from './focusNode.js'
import type { StepFlowNode, StepOverviewFlowNode } from './flowElements.js'
import { LayerSvg } from './LayerSvg.js'
import { Primitive } from './Primitive.js'
import { boxesMeet, NO_BOX, useCullBox } from './useCullBox.js'

/** True while the overview layer draws the steps and StepNode draws nothing (levelOfDetail.ts). */
export const OverviewContext = createContext(false)

/** A step node's box, in flow coordinates. */
const stepBox = (s: StepFlowNode): Box => ({
  x: s.position.x,
  y: s.position.y,
  width: s.width ?? 0,
  height: s.height ?? 0,
})

export function overviewBounds(steps: readonly StepFlowNode[]): Box {
  const box = boundingBox(steps.map(stepBox))
  // Room for the problem markers and selection strokes that overhang a step.
  return box ? paddedBox(box, 12) : NO_BOX
}

/**
 * Where an overview drag drops the steps `ids`, moved by `offset` (flow coordinates): the
 * selection moves as one, its bounding box snapped to the grid as a React Flow drag snaps it
 * between guides (dragSnapping.ts), so the steps keep their places relative to each other.
 */
export function overviewDrop(doc: FlowDocument, ids: readonly string[], offset: Point): Map<string, Point> {
  const moved = doc.nodes.filter((n) => ids.includes(n.id))
  const box = boundingBox(moved.map(nodeBox))
  const moves = new Map<string, Point>()
  if (!box) return moves
  const to = snapToGuides({ ...box, x: box.x + offset.x, y: box.y + offset.y }, [], { tolerance: 0, grid: GRID_SIZE })
  const dx = to.position.x - box.x
  const dy = to.position.y - box.y
  for (const n of moved) moves.set(n.id, { x: Math.round(n.position.x + dx), y: Math.round(n.position.y + dy) })
  return moves
}

/** Pointer travel, in screen pixels, before a press on a step becomes a move. */
const MOVE_THRESHOLD = 3
/** Two clicks on a step within this time are a double-click. */
const DOUBLE_CLICK_MS = 400

const hiddenViews = new WeakMap<StepFlowNode, StepFlowNode>()

/**
 * The step nodes React Flow gets in the overview: those in reach of the view (`cull`) as they
 * are, drawing nothing but there for box selection; the rest hidden, so React Flow neither
 * mounts nor culls them frame by frame. Hidden copies are kept, so React Flow sees the same
 * objects until a step changes.
 */
export function overviewSteps(steps: readonly StepFlowNode[], cull: Box | null): StepFlowNode[] {
  if (!cull) return [...steps]
  return steps.map((s) => {
    if (boxesMeet(stepBox(s), cull)) return s
    let hidden = hiddenViews.get(s)
    if (!hidden) {
      hidden = { ...s, hidden: true }
      hiddenViews.set(s, hidden)
    }
    return hidden
  })
}

interface OverviewStepProps {
  readonly step: StepFlowNode
  readonly theme: DiagramTheme
  /** How far the step is being moved, while it is. */
  readonly offset?: Point | undefined
  onPress: (id: string, event: PointerEvent) => void
}

/** A step as the overview draws it, in flow coordinates (no transforms: each would be a layer). */
function OverviewStepView({ step, theme, offset, onPress }: OverviewStepProps) {
  const { node, label, problem } = step.data
  const heat = useHeat(node.id)
  const x = step.position.x + (offset?.x ?? 0)
  const y = step.position.y + (offset?.y ?? 0)
  const box = { x, y, width: step.width ?? 0, height: step.height ?? 0 }
  const colors = nodeColors(node, theme)
  const selected = !!step.selected
  const stroke = selected ? (theme.selection ?? '#0b5cff') : colors.stroke
  const width = (theme.strokeBoost ?? 0) + outlineWidth(node) + (selected ? 2 : 0)
  // labelLayout places the label for the node's stored position; a moved step carries it along.
  const dx = x - node.position.x
  const dy = y - node.position.y
  const top = label.center.y + dy - ((label.lines.length - 1) * label.lineHeight) / 2
  return (
    <g
      // nopan: React Flow's double-click zoom would race the zoom to the step.
      className={`overview-step nopan${selected ? ' is-selected' : ''}`}
      data-id={node.id}
      onPointerDown={(event) => onPress(node.id, event)}
    >
      {shapePrimitives(node, box).map((p, i) => (
        <Primitive key={i} p={p} fill={heat?.fill ?? colors.fill} stroke={stroke} width={width} />
      ))}
      {label.lines.map((line, i) => (
        <text
          key={i}
          x={label.center.x + dx}
          y={top + i * label.lineHeight}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={label.fontSize}
          fill={theme.text}
        >
          {line}
        </text>
      ))}
      {problem && (
        <circle
          className={`overview-problem problem-${problem.severity}`}
          cx={box.x + box.width}
          cy={box.y}
          r={9}
          fill={problem.severity === 'error' ? (theme.error ?? '#b91c1c') : '#b45309'}
        />
      )}
    </g>
  )
}

const OverviewStep = memo(OverviewStepView)

/** The overview layer: every step of the flow in one SVG (see OVERVIEW_ZOOM). */
function StepOverviewView({ data }: NodeProps<StepOverviewFlowNode>) {
  const { bounds } = data
  const cull = useCullBox()
  const steps = useMemo(
    () => (cull ? data.steps.filter((s) => boxesMeet(stepBox(s), cull)) : data.steps),
    [data.steps, cull],
  )
  const theme = useDiagramTheme()
  const store = useEditorStore()
  const flow = useReactFlow()
  const [moving, setMoving] = useState<{ ids: ReadonlySet<string>; offset: Point } | null>(null)
  const press = useRef<{
    id: string
    ids: readonly string[]
    from: Point
    zoom: number
    moved: boolean
  } | null>(null)
  // The last click, to tell a double-click (zoom to the step) from two clicks.
  const lastClick = useRef<{ id: string; at: number } | null>(null)

  const onFocus = useCallback((id: string) => focusNode(store, flow, id), [store, flow])
  // A press selects the step (Shift, Ctrl or Cmd adds it); dragging moves the selection, and
  // the drop is one undoable move, snapped to the grid; a double-click zooms to the step.
  const onPress = useCallback(
    (id: string, event: PointerEvent) => {
      if (event.button !== 0) return
      event.stopPropagation()
      const state = store.getState()
      const add = event.shiftKey || event.ctrlKey || event.metaKey
      const ids = state.selection.nodes.includes(id)
        ? state.selection.nodes
        : add
          ? [...state.selection.nodes, id]
          : [id]
      if (ids !== state.selection.nodes) state.select({ nodes: ids, edges: add ? state.selection.edges : [] })
      press.current = { id, ids, from: { x: event.clientX, y: event.clientY }, zoom: flow.getZoom(), moved: false }
      event.currentTarget.setPointerCapture(event.pointerId)
    },
    [store, flow],
  )
  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      const p = press.current
      if (!p) return
      const dx = event.clientX - p.from.x
      const dy = event.clientY - p.from.y
      if (!p.moved && (Math.hypot(dx, dy) < MOVE_THRESHOLD || store.getState().readOnly)) return
      p.moved = true
      setMoving({ ids: new Set(p.ids), offset: { x: dx / p.zoom, y: dy / p.zoom } })
    },
    [store],
  )
  const onPointerUp = useCallback(
    (event: PointerEvent) => {
      const p = press.current
      press.current = null
      setMoving(null)
      if (!p) return
      if (!p.moved) {
        const last = lastClick.current
        const double = last?.id === p.id && event.timeStamp - last.at < DOUBLE_CLICK_MS
        lastClick.current = double ? null : { id: p.id, at: event.timeStamp }
        if (double) onFocus(p.id)
        return
      }
      const offset = { x: (event.clientX - p.from.x) / p.zoom, y: (event.clientY - p.from.y) / p.zoom }
      const moves = overviewDrop(store.getState().doc, p.ids, offset)
      store.getState().apply(moves.size > 1 ? 'Move steps' : 'Move step', (d) => moveNodes(d, moves))
    },
    [store, onFocus],
  )
  return (
    <LayerSvg
      className="step-overview"
      bounds={bounds}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      {steps.map((step) => (
        <OverviewStep
          key={step.id}
          step={step}
          theme={theme}
          offset={moving?.ids.has(step.id) ? moving.offset : undefined}
          onPress={onPress}
        />
      ))}
    </LayerSvg>
  )
}

export const StepOverview = memo(StepOverviewView)
