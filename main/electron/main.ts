/**
 * Electron's main process entry: hands the real Electron module to `startDesktop`, where
 * everything lives (and is unit-tested with a fake Electron).
 */
import * as electron from 'electron'
import { join } from 'node:path'
import { startDesktop } from './desktop.js'

void startDesktop(electron, {
  rendererDir: join(__dirname, '..', 'dist', 'renderer'),
  preloadPath: join(__dirname, 'preload.cjs'),
}).catch((error: unknown) => {
  electron.dialog.showErrorBox('Flowlane could not start', error instanceof Error ? error.message : String(error))
  electron.app.exit(1)
})
