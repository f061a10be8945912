/**
 * The export dialog: every CLI format from the app, each with a preview; scale, background
 * and theme for images; copy to the clipboard for Mermaid text and PNG. PDF is drawn by the
 * desktop's main process; in a browser the handbook goes to the browser's print dialog
 * ("Save as PDF") instead.
 */
import { useEffect, useRef, useState } from 'react'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/ipc/contract.js'
import { useEditor } from '../app/EditorContext.js'
import { bridge, isDesktop } from '../bridge/bridge.js'
import { simulationActions, simulationUi } from '../simulation/simulationStore.js'
import { DEFAULT_IMAGE_OPTIONS, FORMAT_INFO, scaledSvg, textExport, type ImageOptions } from './exporters.js'
import { fileStem, svgToPng } from './png.js'
import { pagesHtml, printHtml } from './print.js'
import { walkthroughText } from '../present/walkthroughExport.js'
import '../simulation/simulation.css'
import { useT } from '../i18n/index.js'

/** Characters of a text export shown in the preview (the file has them all). */
const PREVIEW_CHARS = 20_000

export function ExportDialog() {
  const open = simulationUi((s) => s.exporting)
  return open ? <ExportDialogView /> : null
}

interface Made {
  readonly format: ExportFormat
  readonly options: ImageOptions
  readonly text: string
  readonly warnings: readonly string[]
  /** PNG only. */
  readonly png?: Blob
  readonly pngUrl?: string
}

function ExportDialogView() {
  const doc = useEditor((s) => s.doc)
  const { t } = useT()
  const [format, setFormat] = useState<ExportFormat>('mermaid')
  const [options, setOptions] = useState<ImageOptions>(DEFAULT_IMAGE_OPTIONS)
  const [made, setMade] = useState<Made | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const dialog = useRef<HTMLDivElement>(null)
  const info = FORMAT_INFO[format]
  const stem = fileStem(doc.name)

  useEffect(() => {
    let live = true
    let url: string | undefined
    setMessage(null)
    void (async () => {
      try {
        const out = await textExport(doc, format, options, walkthroughText(t))
        if (format === 'png') {
          const png = await svgToPng(scaledSvg(out.text, options.scale), { scale: 1, background: null })
          url = URL.createObjectURL(png)
          if (live) setMade({ format, options, ...out, png, pngUrl: url })
        } else if (live) setMade({ format, options, ...out })
      } catch (error) {
        if (live)
          setMessage(
            t('exportDialog.cannotMake', {
              format: t(`exportDialog.formats.${format}`, { defaultValue: FORMAT_INFO[format].label }),
              reason: String(error),
            }),
          )
      }
    })()
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [doc, format, options, t])

  useEffect(() => {
    dialog.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        simulationActions.exportDialog(false)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  const ready = made !== null && made.format === format && made.options === options
  const name = `${stem}.${info.extension}`

  const save = async () => {
    if (!ready) return
    let data: string | Uint8Array = made.text
    // The desktop draws PNG and PDF from the SVG itself (the CLI's renderers).
    if (format === 'png' && !isDesktop && made.png) data = new Uint8Array(await made.png.arrayBuffer())
    else if (format === 'png' || format === 'pdf') data = scaledSvg(made.text, format === 'png' ? options.scale : 1)
    const result = await bridge.writeExport(format, data, name)
    if (result.ok) setMessage(t('exportDialog.exported', { file: result.file.name }))
    else if (!result.cancelled) {
      setMessage(t('exportDialog.notExported', { reason: result.message ?? t('notices.notWritten') }))
    }
  }

  const copy = async () => {
    if (!ready) return
    try {
      if (format === 'png' && made.png) await navigator.clipboard.write([new ClipboardItem({ 'image/png': made.png })])
      else await navigator.clipboard.writeText(made.text)
      setMessage(format === 'png' ? t('exportDialog.copiedPng') : t('exportDialog.copiedMermaid'))
    } catch (error) {
      setMessage(t('exportDialog.copyFailed', { reason: String(error) }))
    }
  }

  const printHandbook = async () => {
    const { toHtml } = await import('../../shared/formats/handbook/toHtml.js')
    printHtml(toHtml(doc))
    setMessage(t('exportDialog.printHint'))
  }

  const printWalkthrough = () => {
    if (!ready) return
    const pages = JSON.parse(made.text) as string[]
    printHtml(pagesHtml(pages, doc.name))
    setMessage(t('present.printHint', { count: pages.length }))
  }

  return (
    <div
      className="export-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && simulationActions.exportDialog(false)}
    >
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('toolbar.export')}
        tabIndex={-1}
        ref={dialog}
      >
        <header className="export-head">
          <h2>{t('exportDialog.title', { name: doc.name })}</h2>
          <button
            type="button"
            className="sim-close"
            aria-label={t('exportDialog.close')}
            onClick={() => simulationActions.exportDialog(false)}
          >
            ✕
          </button>
        </header>
        <div className="export-body">
          <nav className="export-formats" aria-label={t('exportDialog.format')}>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className={f === format ? 'is-current' : ''}>
                <input
                  type="radio"
                  name="export-format"
                  value={f}
                  checked={f === format}
                  onChange={() => setFormat(f)}
                />
                {t(`exportDialog.formats.${f}`, { defaultValue: FORMAT_INFO[f].label })}
              </label>
            ))}
          </nav>
          <section className="export-main">
            {(info.kind === 'image' || format === 'pdf') && (
              <div className="export-options">
                {format === 'png' && (
                  <label>
                    {t('exportDialog.scale')}{' '}
                    <select
                      value={options.scale}
                      onChange={(e) => setOptions({ ...options, scale: Number(e.target.value) })}
                    >
                      {[1, 2, 3, 4].map((s) => (
                        <option key={s} value={s}>
                          {s}×
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {format !== 'pdf' && (
                  <>
                    <label>
                      <input
                        type="checkbox"
                        checked={options.background}
                        onChange={(e) => setOptions({ ...options, background: e.target.checked })}
                      />{' '}
                      {t('exportDialog.background')}
                    </label>
                    <label>
                      {t('toolbar.theme')}{' '}
                      <select
                        value={options.theme}
                        onChange={(e) =>
                          setOptions({ ...options, theme: e.target.value === 'dark' ? 'dark' : 'light' })
                        }
                      >
                        <option value="light">{t('themes.light')}</option>
                        <option value="dark">{t('themes.dark')}</option>
                      </select>
                    </label>
                  </>
                )}
              </div>
            )}
            <div className="export-preview" data-testid="export-preview" data-format={ready ? format : ''}>
              {!ready && !message && <p className="sim-note">{t('exportDialog.making')}</p>}
              {ready && format === 'png' && made.pngUrl && (
                <img src={made.pngUrl} alt={t('exportDialog.previewOf', { format: 'PNG', name: doc.name })} />
              )}
              {ready && format === 'svg' && (
                <img
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(made.text)}`}
                  alt={t('exportDialog.previewOf', { format: 'SVG', name: doc.name })}
                />
              )}
              {ready && format === 'html' && (
                <iframe title={t('exportDialog.htmlPreview')} sandbox="" srcDoc={made.text} />
              )}
              {ready && format === 'pdf' && (
                <div className="export-pdf">
                  <img
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(made.text)}`}
                    alt={t('exportDialog.diagramOf', { name: doc.name })}
                  />
                  <p className="sim-note">{isDesktop ? t('exportDialog.pdfDesktop') : t('exportDialog.pdfBrowser')}</p>
                </div>
              )}
              {ready && format === 'walkthrough-pdf' && (
                <WalkthroughPreview pages={JSON.parse(made.text) as string[]} name={doc.name} />
              )}
              {ready && info.kind === 'text' && (
                <pre className="export-text" data-testid="export-text">
                  {made.text.length > PREVIEW_CHARS ? `${made.text.slice(0, PREVIEW_CHARS)}\n…` : made.text}
                </pre>
              )}
              {ready && made.warnings.length > 0 && (
                <ul className="export-warnings">
                  {made.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              )}
            </div>
            <footer className="export-actions">
              <span className="export-message" role="status">
                {message}
              </span>
              {(format === 'mermaid' || format === 'png') && (
                <button type="button" onClick={() => void copy()} disabled={!ready}>
                  {t('exportDialog.copy')}
                </button>
              )}
              {format === 'pdf' && !isDesktop ? (
                <button type="button" className="sim-primary" onClick={() => void printHandbook()}>
                  {t('exportDialog.print')}
                </button>
              ) : format === 'walkthrough-pdf' && !isDesktop ? (
                <button type="button" className="sim-primary" onClick={printWalkthrough} disabled={!ready}>
                  {t('exportDialog.printWalkthrough')}
                </button>
              ) : (
                <button type="button" className="sim-primary" onClick={() => void save()} disabled={!ready}>
                  {t('exportDialog.save', { name })}
                </button>
              )}
            </footer>
          </section>
        </div>
      </div>
    </div>
  )
}

/** The walkthrough's first page, and how many there are. */
function WalkthroughPreview({ pages, name }: { pages: readonly string[]; name: string }) {
  const { t } = useT()
  return (
    <div className="export-pdf">
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pages[0] ?? '')}`}
        alt={t('exportDialog.walkthroughOf', { name })}
      />
      <p className="sim-note">
        {t('exportDialog.walkthroughPages', { count: pages.length })}{' '}
        {isDesktop ? t('exportDialog.pdfDesktop') : t('exportDialog.walkthroughBrowser')}
      </p>
    </div>
  )
}
