/**
 * The bridge in a plain browser (tests, `npm run web`): open through a file chooser, save as
 * a download. Same contract as the desktop preload, so the renderer never knows the difference.
 */
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

function download(data: string | Uint8Array, name: string, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  mermaid: 'text/plain',
  bpmn: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  markdown: 'text/markdown',
  html: 'text/html',
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
      download(json, name, TYPES.json)
      return Promise.resolve({ ok: true, file: target ?? ref(name) })
    },
    writeExport(format, data, suggestedName): Promise<SaveResult> {
      download(data, suggestedName, TYPES[format])
      return Promise.resolve({ ok: true, file: ref(suggestedName) })
    },
  }
}
