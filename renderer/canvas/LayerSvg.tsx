import type { ComponentProps } from 'react'
import type { Box } from '../../shared/geometry/index.js'

/**
 * The SVG of a one-element canvas layer (the edges, the overview), laid over `bounds` in flow
 * coordinates: its children draw in flow coordinates with no transform of their own.
 */
export function LayerSvg({ bounds, ...props }: { bounds: Box } & ComponentProps<'svg'>) {
  return (
    <svg
      overflow="visible"
      width={bounds.width}
      height={bounds.height}
      viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
      {...props}
    />
  )
}
