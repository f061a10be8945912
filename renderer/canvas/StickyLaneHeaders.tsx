import { useStore, type ReactFlowState } from '@xyflow/react'
import { memo, useMemo } from 'react'
import { laneBands, type LaneBand } from '../../shared/geometry/index.js'
import { useEditor } from '../app/EditorContext.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import { laneCallbacks } from './LaneNode.js'
import './canvasOverlays.css'

/** Width (screen pixels) of a pinned header. */
const STICKY_WIDTH = 30
/** Below this height (screen pixels) a lane gets no pinned header: there is no room to name it. */
const MIN_TEXT_HEIGHT = 28

const viewSelector = (s: ReactFlowState) => `${s.transform[0]},${s.transform[1]},${s.transform[2]},${s.height}`

/**
 * Lane headers pinned to the left edge of the view, like a spreadsheet's frozen column: when
 * zoomed in and panned right, each lane on screen still says its name and role. Only this
 * overlay follows the pan; the steps are not drawn again.
 */
function StickyLaneHeadersView() {
  const doc = useEditor((s) => s.doc)
  const bands = useMemo(() => laneBands(doc), [doc])
  // One string, so a change elsewhere in React Flow's store does not re-render the overlay.
  const view = useStore(viewSelector)
  const theme = useDiagramTheme()
  if (bands.length === 0) return null
  const [tx, ty, zoom, height] = view.split(',').map(Number) as [number, number, number, number]
  const pinned = bands.flatMap((band) => {
    const left = band.box.x * zoom + tx
    const right = (band.box.x + band.box.width) * zoom + tx
    // The band's own header is on screen, or the band is not: nothing to pin.
    if (left >= 0 || right <= STICKY_WIDTH) return []
    const top = Math.max(0, band.box.y * zoom + ty)
    const bottom = Math.min(height, (band.box.y + band.box.height) * zoom + ty)
    return bottom - top >= MIN_TEXT_HEIGHT ? [{ band, top, bottom }] : []
  })
  if (pinned.length === 0) return null
  return (
    <div className="sticky-lane-headers" aria-hidden>
      {pinned.map(({ band, top, bottom }) => (
        <StickyHeader
          key={band.laneId}
          band={band}
          top={top}
          height={bottom - top}
          colors={{ background: theme.laneHeader, borderColor: theme.laneBorder, color: theme.text }}
        />
      ))}
    </div>
  )
}

function StickyHeader({
  band,
  top,
  height,
  colors,
}: {
  band: LaneBand
  top: number
  height: number
  colors: { background: string; borderColor: string; color: string }
}) {
  const role = band.roleName && band.roleName !== band.name ? band.roleName : undefined
  return (
    <div
      className="sticky-lane-header"
      data-sticky-lane={band.laneId}
      style={{ top, height, width: STICKY_WIDTH, ...colors }}
      title={role ? `${band.name} · ${role}` : band.name}
      onClick={() => laneCallbacks.current?.selectLane(band.laneId)}
    >
      <span className="sticky-lane-text">
        <span className="sticky-lane-name">{band.name}</span>
        {role && <span className="sticky-lane-role">{role}</span>}
      </span>
    </div>
  )
}

export const StickyLaneHeaders = memo(StickyLaneHeadersView)
