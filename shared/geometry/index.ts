export * from './geometry.js'
export * from './textMetrics.js'
export { formatDuration } from './formatDuration.js'
export { shapePrimitives, outlineWidth, type ShapePrimitive } from './shapes.js'
