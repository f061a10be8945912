import type { ShapePrimitive } from '../../shared/geometry/index.js'

/** One drawing primitive of a step's outline (shared/geometry/shapes.ts) as SVG. */
export function Primitive({
  p,
  fill,
  stroke,
  width,
}: {
  p: ShapePrimitive
  fill: string
  stroke: string
  width: number
}) {
  switch (p.tag) {
    case 'rect':
      return (
        <rect
          x={p.x}
          y={p.y}
          width={p.width}
          height={p.height}
          rx={p.rx}
          fill={fill}
          stroke={stroke}
          strokeWidth={width}
          strokeDasharray={p.dashed ? '5 3' : undefined}
        />
      )
    case 'polygon':
      return (
        <polygon
          points={p.points.map(([x, y]) => `${x},${y}`).join(' ')}
          fill={fill}
          stroke={stroke}
          strokeWidth={width}
        />
      )
    case 'path':
      return <path d={p.d} fill={p.fill ? fill : 'none'} stroke={stroke} strokeWidth={p.strokeWidth ?? width} />
  }
}
