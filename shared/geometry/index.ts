export * from './geometry.js'
export * from './textMetrics.js'
export { formatDuration } from './formatDuration.js'
