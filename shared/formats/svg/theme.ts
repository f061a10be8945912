import type { FlowNode, NodeKind } from '../../document/schema.js'

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
  /** Outline of selected steps and edges (the editor only). */
  readonly selection?: string
  /** Edges with an error (the editor only). */
  readonly error?: string
  /** Stroke width added to every outline, for projectors. */
  readonly strokeBoost?: number
  /**
   * Lanes in colours of their own, cycled, instead of `laneFills` alternating (see `laneColors`);
   * each with a dash pattern and the lane's number, so colour is never the only cue.
   */
  readonly lanePalette?: readonly LanePaletteEntry[]
}

/** One lane colour of a palette. */
export interface LanePaletteEntry {
  /** The palette's own name for it. */
  readonly name: string
  /** The lane header's ground. */
  readonly color: string
  /** The lane header's text and dash stripe: at least 4.5:1 against `color`. */
  readonly text: string
  /** The band's ground: `color` a quarter strong on white. */
  readonly tint: string
  /** `stroke-dasharray` of the stripe down the header's edge ('none' draws it solid). */
  readonly dash: string
}

/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), told apart with every
 * kind of colour blindness, without its black; ordered so that neighbouring lanes differ most
 * under simulated protanopia, deuteranopia and tritanopia (test/shared/formats/svg/lanePalette.test.ts).
 */
export const OKABE_ITO_LANES: readonly LanePaletteEntry[] = [
  { name: 'blue', color: '#0072b2', text: '#ffffff', tint: '#bfdcec', dash: 'none' },
  { name: 'yellow', color: '#f0e442', text: '#000000', tint: '#fbf8d0', dash: '16 8' },
  { name: 'reddish purple', color: '#cc79a7', text: '#000000', tint: '#f2dee9', dash: '4 6' },
  { name: 'vermillion', color: '#d55e00', text: '#000000', tint: '#f5d7bf', dash: '16 5 4 5' },
  { name: 'bluish green', color: '#009e73', text: '#000000', tint: '#bfe7dc', dash: '30 10' },
  { name: 'orange', color: '#e69f00', text: '#000000', tint: '#f9e7bf', dash: '4 4 4 14' },
  { name: 'sky blue', color: '#56b4e9', text: '#000000', tint: '#d5ecfa', dash: '10 10' },
]

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
    // #b7791f rather than #ca8a04: 3:1 against white (WCAG 1.4.11).
    note: { fill: '#fffbe6', stroke: '#b7791f' },
  },
  won: { fill: '#dcfce7', stroke: '#15803d' },
  lost: { fill: '#fee2e2', stroke: '#b91c1c' },
  selection: '#0b5cff',
  error: '#b91c1c',
}

/** For dim rooms: light lines and text on a dark ground, the kinds still told apart by hue. */
export const DARK_THEME: DiagramTheme = {
  name: 'dark',
  background: '#0f172a',
  text: '#f8fafc',
  mutedText: '#cbd5e1',
  edge: '#cbd5e1',
  edgeLabelBackground: '#0f172a',
  laneFills: ['#111c33', '#0f172a'],
  laneBorder: '#475569',
  laneHeader: '#1e293b',
  badge: { fill: '#1e293b', stroke: '#94a3b8', text: '#f1f5f9' },
  kinds: {
    start: { fill: '#14532d', stroke: '#86efac' },
    end: { fill: '#334155', stroke: '#e2e8f0' },
    task: { fill: '#1e3a8a', stroke: '#93c5fd' },
    approval: { fill: '#7c2d12', stroke: '#fdba74' },
    subprocess: { fill: '#4c1d95', stroke: '#c4b5fd' },
    decision: { fill: '#713f12', stroke: '#fde047' },
    parallel: { fill: '#134e4a', stroke: '#5eead4' },
    wait: { fill: '#1e293b', stroke: '#cbd5e1' },
    note: { fill: '#422006', stroke: '#facc15' },
  },
  won: { fill: '#166534', stroke: '#86efac' },
  lost: { fill: '#7f1d1d', stroke: '#fca5a5' },
  selection: '#60a5fa',
  error: '#f87171',
}

/**
 * For projectors: black on white, saturated strokes drawn thicker, pale fills that survive a
 * washed-out beamer. Every text and outline meets WCAG AA against its fill.
 */
export const HIGH_CONTRAST_THEME: DiagramTheme = {
  name: 'high-contrast',
  background: '#ffffff',
  text: '#000000',
  mutedText: '#1f2937',
  edge: '#000000',
  edgeLabelBackground: '#ffffff',
  laneFills: ['#f3f4f6', '#ffffff'],
  laneBorder: '#000000',
  laneHeader: '#e5e7eb',
  badge: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
  kinds: {
    start: { fill: '#e8f5e9', stroke: '#1b5e20' },
    end: { fill: '#eceff1', stroke: '#000000' },
    task: { fill: '#eef4ff', stroke: '#1e3a8a' },
    approval: { fill: '#fff4e5', stroke: '#7c2d12' },
    subprocess: { fill: '#f3e8ff', stroke: '#4c1d95' },
    decision: { fill: '#fef9c3', stroke: '#713f12' },
    parallel: { fill: '#e0f2f1', stroke: '#004d40' },
    wait: { fill: '#f1f5f9', stroke: '#1f2937' },
    note: { fill: '#fffbe6', stroke: '#713f12' },
  },
  won: { fill: '#dcfce7', stroke: '#14532d' },
  lost: { fill: '#fee2e2', stroke: '#7f1d1d' },
  selection: '#0033cc',
  error: '#b00020',
  strokeBoost: 1,
  lanePalette: OKABE_ITO_LANES,
}

export const DIAGRAM_THEMES = {
  light: LIGHT_THEME,
  dark: DARK_THEME,
  'high-contrast': HIGH_CONTRAST_THEME,
} as const satisfies Record<string, DiagramTheme>

/** A step's fill and outline: by kind, won/lost ends by outcome, a step's own colour as its fill. */
export function nodeColors(node: FlowNode, theme: DiagramTheme): ShapeColors {
  const base =
    node.kind === 'end' && node.outcome === 'won'
      ? theme.won
      : node.kind === 'end' && node.outcome === 'lost'
        ? theme.lost
        : theme.kinds[node.kind]
  return node.color ? { fill: node.color, stroke: base.stroke } : base
}

/** How lane `index` (0-based, in document order) is drawn. */
export interface LaneColors {
  readonly fill: string
  readonly header: string
  readonly headerText: string
  /** A dashed stripe down the header's inner edge, in `headerText`; only with a palette. */
  readonly dash?: string
  /** Shown before the lane's name, only with a palette: lanes are told apart by number too. */
  readonly number?: number
}

/** Lane `index`'s colours: from the theme's palette when it has one, else the alternating fills. */
export function laneColors(theme: DiagramTheme, index: number): LaneColors {
  const palette = theme.lanePalette
  if (!palette?.length) {
    return { fill: theme.laneFills[index % 2]!, header: theme.laneHeader, headerText: theme.text }
  }
  const entry = palette[index % palette.length]!
  return { fill: entry.tint, header: entry.color, headerText: entry.text, dash: entry.dash, number: index + 1 }
}

/** A lane header's text: its name, its role when that differs, and its number with a palette. */
export function laneTitle(
  band: { readonly name: string; readonly roleName?: string },
  colors: Pick<LaneColors, 'number'>,
): string {
  const title = band.roleName && band.roleName !== band.name ? `${band.name} · ${band.roleName}` : band.name
  return colors.number === undefined ? title : `${colors.number} · ${title}`
}

/** Width of the dash stripe inside a lane header, and its distance from the header's inner edge. */
export const LANE_STRIPE = { width: 5, inset: 5 } as const
