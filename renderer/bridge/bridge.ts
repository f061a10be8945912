/**
 * The only module that touches `window.flowlane`: the desktop preload's bridge when the app
 * runs in Electron, the browser fallback everywhere else.
 */
import type { FlowlaneBridge } from '../../shared/ipc/contract.js'
import { createBrowserBridge } from './browserBridge.js'

declare global {
  interface Window {
    readonly flowlane?: FlowlaneBridge
  }
}

export const bridge: FlowlaneBridge = window.flowlane ?? createBrowserBridge()
export const isDesktop = window.flowlane !== undefined
