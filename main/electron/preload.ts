/**
 * The preload: one small typed API through contextBridge, never ipcRenderer itself
 * (Camunda Modeler CVE-2021-28154). Sandboxed, so it is bundled as CommonJS. Main's events
 * reach the page without Electron's event object (which would leak `sender`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, type DesktopEvent, type FlowlaneBridge } from '../../shared/ipc/contract.js'

const bridge: FlowlaneBridge = {
  openDocument: () => ipcRenderer.invoke(CHANNELS.openDocument),
  saveDocument: (target, json, suggestedName, options) =>
    ipcRenderer.invoke(CHANNELS.saveDocument, target, json, suggestedName, options),
  writeExport: (format, data, suggestedName) => ipcRenderer.invoke(CHANNELS.writeExport, format, data, suggestedName),
  reloadDocument: (target) => ipcRenderer.invoke(CHANNELS.reloadDocument, target),
  listRecentFiles: () => ipcRenderer.invoke(CHANNELS.listRecentFiles),
  openRecentFile: (id) => ipcRenderer.invoke(CHANNELS.openRecentFile, id),
  reportState: (state) => ipcRenderer.invoke(CHANNELS.reportState, state),
  respond: (id, answer) => ipcRenderer.invoke(CHANNELS.respond, id, answer),
  onDesktopEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: DesktopEvent) => listener(payload)
    ipcRenderer.on(CHANNELS.onDesktopEvent, forward)
    return () => void ipcRenderer.removeListener(CHANNELS.onDesktopEvent, forward)
  },
}

contextBridge.exposeInMainWorld('flowlane', bridge)
