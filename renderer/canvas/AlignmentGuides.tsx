import { ViewportPortal } from '@xyflow/react'
import type { GuideSegment } from '../../shared/geometry/index.js'
import './canvasOverlays.css'

/** The guide lines of a drag under way, drawn in canvas coordinates over the steps, one pixel thin at any zoom. */
export function AlignmentGuides({ guides }: { guides: readonly GuideSegment[] }) {
  if (guides.length === 0) return null
  return (
    <ViewportPortal>
      <svg className="alignment-guides" width={1} height={1} aria-hidden>
        {guides.map((g) => (
          <line
            key={`${g.axis}:${g.at}`}
            className="alignment-guide"
            data-axis={g.axis}
            data-at={g.at}
            x1={g.axis === 'x' ? g.at : g.from}
            x2={g.axis === 'x' ? g.at : g.to}
            y1={g.axis === 'x' ? g.from : g.at}
            y2={g.axis === 'x' ? g.to : g.at}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
    </ViewportPortal>
  )
}
