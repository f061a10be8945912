/**
 * The one typed bridge between the renderer and the desktop (architecture.md). The preload,
 * main's handlers and the browser fallback all implement `FlowlaneBridge`; a missing channel
 * fails to compile.
 */

/** A file the desktop handed out: an opaque token, never a path the renderer could forge. */
export interface FileRef {
  readonly token: string
  /** For titles and messages only. */
  readonly name: string
}

export interface OpenResult {
  readonly file: FileRef
  readonly text: string
}

export type SaveResult =
  | { readonly ok: true; readonly file: FileRef }
  | { readonly ok: false; readonly cancelled: boolean; readonly message?: string }

export const EXPORT_FORMATS = ['mermaid', 'bpmn', 'svg', 'png', 'pdf', 'markdown', 'html', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface FlowlaneBridge {
  /** Asks the user for a document (.flow.json, .bpmn, .mmd, .md); null when cancelled. */
  openDocument(): Promise<OpenResult | null>
  /** Saves to the file it came from, or asks where when `target` is null. */
  saveDocument(target: FileRef | null, json: string, suggestedName: string): Promise<SaveResult>
  /** Writes an export through a save dialog. */
  writeExport(format: ExportFormat, data: string | Uint8Array, suggestedName: string): Promise<SaveResult>
}

export const CHANNELS = {
  openDocument: 'file:open',
  saveDocument: 'file:save',
  writeExport: 'export:write',
} as const satisfies Record<keyof FlowlaneBridge, string>
