import '@xyflow/react/dist/style.css'
import './app/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.js'
import { EditorContext } from './app/EditorContext.js'
import { startDesktopIntegration } from './app/desktopIntegration.js'
import { createEditorStore } from './app/store.js'
import { startTemplate } from './app/templates.js'
import { AutosaveNotice, autosaveEvents } from './storage/AutosaveNotice.js'
import { openDatabase } from './storage/database.js'
import { startEditorAutosave } from './storage/editorAutosave.js'
import { RecoveryPrompt } from './storage/RecoveryPrompt.js'
import { startRecentDocuments } from './storage/recentDocuments.js'
import { StorageContext, type Storage } from './storage/StorageContext.js'
import { isDesktop } from './bridge/bridge.js'

const store = createEditorStore(startTemplate(navigator.language))
// Tests and the devtools reach the store here; the document inside is plain data.
;(window as unknown as { __flowlane?: typeof store }).__flowlane = store
startDesktopIntegration(store)

const db = openDatabase()
// Ask the browser not to evict autosaves under storage pressure (quality.md).
void navigator.storage?.persist?.().catch(() => undefined)
const bootId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
const autosave = startEditorAutosave(db, store, bootId, {
  onError: (message) => autosaveEvents.dispatchEvent(new CustomEvent('error', { detail: message })),
  onSaved: (at) => autosaveEvents.dispatchEvent(new CustomEvent('saved', { detail: at })),
})
const recent = startRecentDocuments(db, store, { desktop: isDesktop, bootId })
const storage: Storage = { db, autosaveKey: autosave.currentKey, recent }
// Closing or reloading writes what the last second of edits has not written yet.
window.addEventListener('pagehide', () => {
  void autosave.flush()
  void recent.flush()
})
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    void autosave.flush()
    void recent.flush()
  }
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorContext.Provider value={store}>
      <StorageContext.Provider value={storage}>
        <App />
        <RecoveryPrompt db={db} exceptKey={autosave.currentKey} />
        <AutosaveNotice />
      </StorageContext.Provider>
    </EditorContext.Provider>
  </StrictMode>,
)
