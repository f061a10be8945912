/**
 * The simulation UI's own small store, apart from the editor's: which of the panel, the
 * walkthrough and the export dialog is open, the run in progress, its result, the pinned
 * baseline and the heat map the canvas reads (`useHeat`). Nothing here is in the document.
 */
import { create } from 'zustand'
import type { FlowDocument } from '../../shared/document/index.js'
import type { SimulationReport } from '../../shared/simulate/index.js'
import { heatCells, heatColour, type HeatMode } from './results.js'
import type { ScenarioParams } from './scenario.js'

export interface RunResult {
  /** The document as simulated (the scenario applied). */
  readonly doc: FlowDocument
  readonly params: ScenarioParams
  readonly label: string
  readonly report: SimulationReport
  readonly json: string
  readonly millis: number
}

export type RunStatus =
  | { readonly state: 'idle' }
  | {
      readonly state: 'running'
      readonly fraction: number
      readonly replication: number
      readonly replications: number
    }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string; readonly problems: readonly string[] }
  | { readonly state: 'done' }

export interface HeatNode {
  readonly fill: string
  readonly share: number
  readonly bottleneck: boolean
}

export interface SimulationUiState {
  readonly panel: boolean
  readonly presenting: boolean
  readonly exporting: boolean
  readonly status: RunStatus
  readonly result: RunResult | null
  readonly baseline: RunResult | null
  readonly heatMode: HeatMode
  readonly heatVisible: boolean
  /** Per node id, what the canvas colours; empty when the heat map is off. */
  readonly heat: Readonly<Record<string, HeatNode>>
}

function heatOf(result: RunResult | null, mode: HeatMode, visible: boolean): Record<string, HeatNode> {
  if (!result || !visible) return {}
  const cells = heatCells(result.doc, result.report, mode)
  const bottleneck = result.report.bottleneck?.nodeId
  const heat: Record<string, HeatNode> = {}
  for (const [id, cell] of Object.entries(cells)) {
    heat[id] = { fill: heatColour(cell.share), share: cell.share, bottleneck: id === bottleneck }
  }
  if (bottleneck && !heat[bottleneck]) heat[bottleneck] = { fill: heatColour(1), share: 1, bottleneck: true }
  return heat
}

export const simulationUi = create<SimulationUiState>()(() => ({
  panel: false,
  presenting: false,
  exporting: false,
  status: { state: 'idle' },
  result: null,
  baseline: null,
  heatMode: 'waiting',
  heatVisible: true,
  heat: {},
}))

export const simulationActions = {
  togglePanel(open?: boolean): void {
    simulationUi.setState((s) => ({ panel: open ?? !s.panel }))
  },
  present(on: boolean): void {
    simulationUi.setState({ presenting: on })
  },
  exportDialog(on: boolean): void {
    simulationUi.setState({ exporting: on })
  },
  setStatus(status: RunStatus): void {
    simulationUi.setState({ status })
  },
  setResult(result: RunResult | null): void {
    simulationUi.setState((s) => ({ result, heat: heatOf(result, s.heatMode, s.heatVisible) }))
  },
  setHeat(mode: HeatMode, visible: boolean): void {
    simulationUi.setState((s) => ({ heatMode: mode, heatVisible: visible, heat: heatOf(s.result, mode, visible) }))
  },
  pinBaseline(): void {
    simulationUi.setState((s) => ({ baseline: s.result }))
  },
  clearBaseline(): void {
    simulationUi.setState({ baseline: null })
  },
  /** A different document was opened: its steps are not the ones the heat map describes. */
  forgetResult(): void {
    simulationUi.setState({ result: null, heat: {}, status: { state: 'idle' } })
  },
}

/** The canvas's view of the heat map: one step's colour, or undefined when there is none. */
export function useHeat(nodeId: string): HeatNode | undefined {
  return simulationUi((s) => s.heat[nodeId])
}
