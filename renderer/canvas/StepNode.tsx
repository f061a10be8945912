import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo, useContext } from 'react'
import { outlineWidth, shapePrimitives } from '../../shared/geometry/index.js'
import { Primitive } from './Primitive.js'
import { OverviewContext } from './StepOverview.js'
import { nodeColors } from '../../shared/formats/svg/theme.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import type { StepFlowNode } from './flowElements.js'
import { useHeat } from '../simulation/simulationStore.js'

/**
 * A step drawn exactly as the SVG export draws it (same shapes, wrapping and badges from
 * shared/geometry), in the node's own coordinates. Labels are React text: never HTML.
 */
function StepNodeView({ data, width, height, selected }: NodeProps<StepFlowNode>) {
  const { node, label, badges, problem } = data
  const w = width ?? 0
  const h = height ?? 0
  const origin = node.position
  const box = { x: 0, y: 0, width: w, height: h }
  const heat = useHeat(node.id)
  const theme = useDiagramTheme()
  // Zoomed out over a large flow the overview layer draws the step; the node keeps its box.
  if (useContext(OverviewContext)) return null
  const colors = heat ? { ...nodeColors(node, theme), fill: heat.fill } : nodeColors(node, theme)
  const stroke = (theme.strokeBoost ?? 0) + outlineWidth(node)
  const top = label.center.y - origin.y - ((label.lines.length - 1) * label.lineHeight) / 2
  return (
    <div
      className={`step step-${node.kind}${selected ? ' is-selected' : ''}${heat?.bottleneck ? ' is-bottleneck' : ''}`}
      data-heat={heat ? heat.share.toFixed(3) : undefined}
      style={{ width: w, height: h }}
      title={problem ? problem.messages.join('\n') : undefined}
    >
      <svg
        width={w}
        height={h}
        viewBox={`-2 -2 ${w + 4} ${h + 4}`}
        style={{ overflow: 'visible', position: 'absolute', left: 0, top: 0 }}
        aria-hidden
      >
        {shapePrimitives(node, box).map((p, i) => (
          <Primitive
            key={i}
            p={p}
            fill={colors.fill}
            stroke={selected ? (theme.selection ?? '#0b5cff') : colors.stroke}
            width={selected ? stroke + 1 : stroke}
          />
        ))}
        {label.lines.map((line, i) => (
          <text
            key={i}
            x={label.center.x - origin.x}
            y={top + i * label.lineHeight}
            textAnchor="middle"
            dominantBaseline="central"
            fontSize={label.fontSize}
            fill={theme.text}
            fontStyle={node.kind === 'note' ? 'italic' : undefined}
          >
            {line}
          </text>
        ))}
        {badges.map((b) => (
          <g key={b.kind} className={`badge badge-${b.kind}`}>
            <rect
              x={b.box.x - origin.x}
              y={b.box.y - origin.y}
              width={b.box.width}
              height={b.box.height}
              rx={9}
              fill={theme.badge.fill}
              stroke={theme.badge.stroke}
            />
            <text
              x={b.box.x - origin.x + b.box.width / 2}
              y={b.box.y - origin.y + b.box.height / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={11}
              fill={theme.badge.text}
            >
              {b.text}
            </text>
          </g>
        ))}
      </svg>
      {problem && (
        <span
          className={`problem-marker problem-${problem.severity}`}
          role="img"
          aria-label={problem.messages.join('; ')}
        >
          !
        </span>
      )}
      {node.kind !== 'note' && (
        <>
          <Handle type="target" position={Position.Left} id="in" />
          <Handle type="source" position={Position.Right} id="out" />
          <Handle type="target" position={Position.Top} id="in-top" />
          <Handle type="source" position={Position.Bottom} id="out-bottom" />
        </>
      )}
    </div>
  )
}

export const StepNode = memo(StepNodeView)
