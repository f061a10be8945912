import type { NodeKind } from '../../document/schema.js'

export interface ShapeColors {
  readonly fill: string
  readonly stroke: string
}

/** Colours of a drawing; the canvas uses the same tables so exports match the screen. */
export interface DiagramTheme {
  readonly name: string
  readonly background: string
  readonly text: string
  readonly mutedText: string
  readonly edge: string
  readonly edgeLabelBackground: string
  readonly laneFills: readonly [string, string]
  readonly laneBorder: string
  readonly laneHeader: string
  readonly badge: ShapeColors & { readonly text: string }
  readonly kinds: Readonly<Record<NodeKind, ShapeColors>>
  readonly won: ShapeColors
  readonly lost: ShapeColors
}

export const LIGHT_THEME: DiagramTheme = {
  name: 'light',
  background: '#ffffff',
  text: '#1f2937',
  mutedText: '#475569',
  edge: '#475569',
  edgeLabelBackground: '#ffffff',
  laneFills: ['#f8fafc', '#ffffff'],
  laneBorder: '#cbd5e1',
  laneHeader: '#e2e8f0',
  badge: { fill: '#ffffff', stroke: '#94a3b8', text: '#334155' },
  kinds: {
    start: { fill: '#e8f5e9', stroke: '#2e7d32' },
    end: { fill: '#eceff1', stroke: '#37474f' },
    task: { fill: '#eef4ff', stroke: '#3559c7' },
    approval: { fill: '#fff4e5', stroke: '#b45309' },
    subprocess: { fill: '#f3e8ff', stroke: '#7c3aed' },
    decision: { fill: '#fef9c3', stroke: '#a16207' },
    parallel: { fill: '#e0f2f1', stroke: '#00796b' },
    wait: { fill: '#f1f5f9', stroke: '#475569' },
    note: { fill: '#fffbe6', stroke: '#ca8a04' },
  },
  won: { fill: '#dcfce7', stroke: '#15803d' },
  lost: { fill: '#fee2e2', stroke: '#b91c1c' },
}
