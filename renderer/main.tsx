import '@xyflow/react/dist/style.css'
import './app/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.js'
import { EditorContext } from './app/EditorContext.js'
import { createEditorStore } from './app/store.js'
import { startTemplate } from './app/templates.js'

const store = createEditorStore(startTemplate(navigator.language))
// Tests and the devtools reach the store here; the document inside is plain data.
;(window as unknown as { __flowlane?: typeof store }).__flowlane = store

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorContext.Provider value={store}>
      <App />
    </EditorContext.Provider>
  </StrictMode>,
)
