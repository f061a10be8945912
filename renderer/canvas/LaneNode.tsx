import { useStore, type NodeProps } from '@xyflow/react'
import { memo, useRef } from 'react'
import { LANE } from '../../shared/geometry/index.js'
import { LANE_STRIPE, laneColors, laneTitle } from '../../shared/formats/svg/theme.js'
import { useT } from '../i18n/index.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import type { LaneFlowNode } from './flowElements.js'

export interface LaneCallbacks {
  selectLane(laneId: string): void
  resizeLane(laneId: string, height: number): void
}

/** Set by the canvas: lanes call back into the editor without living in the document. */
export const laneCallbacks: { current: LaneCallbacks | null } = { current: null }

/** A swimlane band behind the steps, with a header naming the lane and its role, and a resize grip. */
function LaneNodeView({ data, width, height }: NodeProps<LaneFlowNode>) {
  const { band, index } = data
  const start = useRef<{ y: number; height: number; zoom: number } | null>(null)
  const zoom = useStore((s) => s.transform[2])
  const theme = useDiagramTheme()
  const { t } = useT()
  const colors = laneColors(theme, index)
  const title = laneTitle(band, colors)
  return (
    <div
      className="lane"
      style={{ width, height, background: colors.fill, borderColor: theme.laneBorder }}
      data-lane={band.laneId}
    >
      <button
        type="button"
        className="lane-header nodrag nopan"
        style={{
          width: LANE.headerWidth,
          height,
          background: colors.header,
          borderColor: theme.laneBorder,
          color: colors.headerText,
        }}
        onClick={() => laneCallbacks.current?.selectLane(band.laneId)}
        title={title}
        aria-label={t('lane.header', { title })}
      >
        <span>{title}</span>
        {colors.dash !== undefined && (
          // The lane's dash pattern: told apart without colour (the projector theme's palette).
          <svg className="lane-stripe" width={LANE_STRIPE.width} height="100%" aria-hidden>
            <line
              x1={LANE_STRIPE.width / 2}
              x2={LANE_STRIPE.width / 2}
              y1={2}
              y2="100%"
              stroke={colors.headerText}
              strokeWidth={LANE_STRIPE.width}
              strokeDasharray={colors.dash === 'none' ? undefined : colors.dash}
            />
          </svg>
        )}
      </button>
      <div
        className="lane-grip nodrag nopan"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t('lane.resize', { name: band.name })}
        onPointerDown={(event) => {
          start.current = { y: event.clientY, height: height ?? band.box.height, zoom }
          event.currentTarget.setPointerCapture(event.pointerId)
        }}
        onPointerUp={(event) => {
          if (!start.current) return
          const next = start.current.height + (event.clientY - start.current.y) / start.current.zoom
          start.current = null
          laneCallbacks.current?.resizeLane(band.laneId, next)
        }}
      />
    </div>
  )
}

export const LaneNode = memo(LaneNodeView)
