/**
 * The bridge in a plain browser (tests, `npm run web`): open through a file chooser, save as
 * a download. Same contract as the desktop preload, so the renderer never knows the difference.
 */
import { t } from '../i18n/index.js'
import { downloadFile } from './download.js'
import type { ExportFormat, FileRef, FlowlaneBridge, OpenResult, SaveResult } from '../../shared/ipc/contract.js'

const ACCEPT = '.json,.flow.json,.bpmn,.xml,.mmd,.mermaid,.md,.txt'

function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.append(input)
    input.click()
  })
}

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  mermaid: 'text/plain',
  bpmn: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  'walkthrough-pdf': 'application/pdf',
  markdown: 'text/markdown',
  html: 'text/html',
}

/** Draws an SVG at twice its size into a PNG with the browser's canvas. */
async function rasterize(svg: string, scale = 2): Promise<Uint8Array> {
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 800)
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 600)
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.min(16_000, Math.ceil(width * scale))
    canvas.height = Math.min(16_000, Math.ceil(height * scale))
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no canvas')
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('no PNG')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    URL.revokeObjectURL(url)
  }
}

export function createBrowserBridge(): FlowlaneBridge {
  let counter = 0
  const ref = (name: string): FileRef => ({ token: `browser:${++counter}`, name })
  return {
    async openDocument(): Promise<OpenResult | null> {
      const file = await chooseFile()
      if (!file) return null
      return { file: ref(file.name), text: await file.text() }
    },
    saveDocument(target, json, suggestedName): Promise<SaveResult> {
      const name = target?.name ?? suggestedName
      downloadFile(json, name, TYPES.json)
      return Promise.resolve({ ok: true, file: target ?? ref(name) })
    },
    async writeExport(format, data, suggestedName): Promise<SaveResult> {
      // As on the desktop, PDF and PNG arrive as the diagram's SVG.
      if ((format === 'pdf' || format === 'walkthrough-pdf') && typeof data === 'string')
        return {
          ok: false,
          cancelled: false,
          message: t('desktop.pdfNeedsDesktop'),
        }
      if (format === 'png' && typeof data === 'string') {
        try {
          data = await rasterize(data)
        } catch {
          return { ok: false, cancelled: false, message: t('desktop.pngNotDrawn') }
        }
      }
      downloadFile(data, suggestedName, TYPES[format])
      return { ok: true, file: ref(suggestedName) }
    },
    // A browser has no other program writing the file, no menus and no main process to ask.
    reloadDocument: () => Promise.resolve(null),
    // The browser build keeps its recent documents in IndexedDB (renderer/storage/recentDocuments.ts).
    listRecentFiles: () => Promise.resolve([]),
    openRecentFile: () => Promise.resolve(null),
    reportState: () => Promise.resolve(),
    respond: () => Promise.resolve(),
    onDesktopEvent: () => () => undefined,
  }
}
