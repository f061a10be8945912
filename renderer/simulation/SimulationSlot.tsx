/** Where the simulation panel, the walkthrough and the export dialog mount in the editor window. */
import { ExportDialog } from '../export/ExportDialog.js'
import { Walkthrough } from '../present/Walkthrough.js'
import { SimulationPanel } from './SimulationPanel.js'

export function SimulationSlot() {
  return (
    <>
      <SimulationPanel />
      <Walkthrough />
      <ExportDialog />
    </>
  )
}
