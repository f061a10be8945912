/**
 * The preload: one small typed API through contextBridge, never ipcRenderer itself
 * (Camunda Modeler CVE-2021-28154). Sandboxed, so it is bundled as CommonJS.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type FlowlaneBridge } from '../../shared/ipc/contract.js'

const bridge: FlowlaneBridge = {
  openDocument: () => ipcRenderer.invoke(CHANNELS.openDocument),
  saveDocument: (target, json, suggestedName) => ipcRenderer.invoke(CHANNELS.saveDocument, target, json, suggestedName),
  writeExport: (format, data, suggestedName) => ipcRenderer.invoke(CHANNELS.writeExport, format, data, suggestedName),
}

contextBridge.exposeInMainWorld('flowlane', bridge)
