import { ReactFlowProvider } from '@xyflow/react'
import { useCallback, useEffect, useState } from 'react'
import { Canvas } from '../canvas/Canvas.js'
import { Inspector } from '../panels/Inspector.js'
import { Palette } from '../panels/Palette.js'
import { Toolbar } from '../panels/Toolbar.js'
import { StatusBar } from '../panels/StatusBar.js'
import { SimulationSlot } from '../simulation/SimulationSlot.js'
import { useT } from '../i18n/index.js'
import { ThemeProvider } from '../theme/ThemeContext.js'
import { useEditor, useEditorStore } from './EditorContext.js'
import { loadText, type Notice } from './fileActions.js'
import { useShortcuts } from './shortcuts.js'

/** The editor window: toolbar, palette, canvas, inspector, status bar. */
export function App() {
  const [notice, setNotice] = useState<Notice | null>(null)
  const store = useEditorStore()
  const name = useEditor((s) => s.doc.name)
  const dirty = useEditor((s) => s.dirty)
  const file = useEditor((s) => s.file)
  const notify = useCallback((n: Notice) => setNotice(n), [])
  const { t, language } = useT()

  // Problems are listed in the UI language (the drawing keeps the document's own).
  useEffect(() => store.getState().setProblemLocale(language), [store, language])

  useEffect(() => {
    document.title = t('app.windowTitle', { dirty: dirty ? '• ' : '', name: file?.name ?? name })
  }, [dirty, file, name, t])

  return (
    <ThemeProvider>
      <ReactFlowProvider>
        <div
          className="app"
          onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
          onDrop={(e) => {
            const dropped = e.dataTransfer.files[0]
            if (!dropped) return
            e.preventDefault()
            void dropped.text().then((text) => loadText(store, text, dropped.name, notify))
          }}
        >
          <Shortcuts notify={notify} />
          <Toolbar notify={notify} />
          <main className="workspace">
            <Palette />
            <Canvas />
            <Inspector />
            <SimulationSlot />
          </main>
          {notice && (
            <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
              <div>
                {notice.lines.map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </div>
              <button type="button" onClick={() => setNotice(null)} aria-label={t('app.dismiss')}>
                ✕
              </button>
            </div>
          )}
          <StatusBar />
        </div>
      </ReactFlowProvider>
    </ThemeProvider>
  )
}

function Shortcuts({ notify }: { notify: (n: Notice) => void }) {
  useShortcuts(notify)
  return null
}
