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
  /**
   * The file's id in Open Recent (`RecentFile.id`): the same for the same file in every
   * session, so the renderer can tell which recent file it has open. Never a path.
   */
  readonly recentId?: string | undefined
}

/** A file in Open Recent as the renderer sees it: an opaque id and the file's name. */
export interface RecentFile {
  readonly id: string
  readonly name: string
}

export interface OpenResult {
  readonly file: FileRef
  readonly text: string
}

export type SaveResult =
  | { readonly ok: true; readonly file: FileRef; readonly warnings?: readonly string[] }
  | {
      readonly ok: false
      readonly cancelled: boolean
      readonly message?: string
      /**
       * The file changed on disk since it was opened or last saved (quality.md D6): nothing
       * was written. The renderer asks Reload / Overwrite / Save As.
       */
      readonly conflict?: boolean
    }

export const EXPORT_FORMATS = [
  'mermaid',
  'bpmn',
  'svg',
  'png',
  'pdf',
  'walkthrough-pdf',
  'markdown',
  'html',
  'json',
] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface SaveOptions {
  /** Write even though the file changed on disk (the user chose Overwrite). */
  readonly overwrite?: boolean
}

/** Commands of the native menu; the renderer runs the same actions as its toolbar and shortcuts. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'export-svg',
  'export-png',
  'export-pdf',
  'export-mermaid',
  'export-bpmn',
  'export-markdown',
  'export-html',
  'undo',
  'redo',
  'duplicate',
  'delete',
  'selectAll',
  'find',
  'zoomToFit',
  'zoomIn',
  'zoomOut',
  'autoLayout',
  'add-start',
  'add-task',
  'add-decision',
  'add-approval',
  'add-wait',
  'add-parallel',
  'add-subprocess',
  'add-end',
  'add-note',
  'simulate',
  'help',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** What main asks the renderer, answered through `respond`. */
export type DesktopRequest = 'unsaved' | 'save'

/** Messages from main to the renderer. */
export type DesktopEvent =
  | { readonly type: 'command'; readonly command: MenuCommand }
  /** A file passed on the command line, by the OS or picked from Open Recent. */
  | { readonly type: 'open'; readonly opened: OpenResult }
  /** The open file changed on disk (checked when the window gets focus). */
  | { readonly type: 'fileChanged'; readonly file: FileRef }
  | { readonly type: 'request'; readonly id: number; readonly request: DesktopRequest }
  | { readonly type: 'notice'; readonly message: string }

/** Answers to a `DesktopRequest`: `unsaved` → `{ dirty }`, `save` → `{ saved }`. */
export type DesktopAnswer = { readonly dirty: boolean } | { readonly saved: boolean }

/** What the menus show, reported by the renderer whenever it changes. */
export interface WindowState {
  readonly dirty: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly hasSelection: boolean
  /** The app language, e.g. `en` or `zh-CN`: the menus follow it. */
  readonly locale: string
  readonly file: FileRef | null
}

export interface FlowlaneBridge {
  /** Asks the user for a document (.flow.json, .bpmn, .mmd, .md); null when cancelled. */
  openDocument(): Promise<OpenResult | null>
  /**
   * Saves to the file it came from, or asks where when `target` is null. Refuses with
   * `conflict` when the file changed on disk, unless `options.overwrite`.
   */
  saveDocument(target: FileRef | null, json: string, suggestedName: string, options?: SaveOptions): Promise<SaveResult>
  /**
   * Writes an export through a save dialog. For `pdf` and `png`, `data` is the SVG of the
   * diagram: main draws it with the same renderers as the CLI. For `walkthrough-pdf` it is a
   * JSON list of SVG pages (shared/formats/walkthrough), drawn into one PDF, a page each.
   */
  writeExport(format: ExportFormat, data: string | Uint8Array, suggestedName: string): Promise<SaveResult>
  /** Reads an open file again (after it changed on disk); null if it is gone. */
  reloadDocument(target: FileRef): Promise<OpenResult | null>
  /** Open Recent, newest first (empty in a browser, which keeps its own list). */
  listRecentFiles(): Promise<readonly RecentFile[]>
  /** Opens a file of Open Recent by its id; null if it is gone (it is then dropped from the list). */
  openRecentFile(id: string): Promise<OpenResult | null>
  /** Tells main what the menus should show. */
  reportState(state: WindowState): Promise<void>
  /** Answers main's request `id`. */
  respond(id: number, answer: DesktopAnswer): Promise<void>
  /** Listens to main; returns the function that stops listening. */
  onDesktopEvent(listener: (event: DesktopEvent) => void): () => void
}

export const CHANNELS = {
  openDocument: 'file:open',
  saveDocument: 'file:save',
  writeExport: 'export:write',
  reloadDocument: 'file:reload',
  listRecentFiles: 'recent:list',
  openRecentFile: 'recent:open',
  reportState: 'window:state',
  respond: 'window:respond',
  onDesktopEvent: 'desktop:event',
} as const satisfies Record<keyof FlowlaneBridge, string>

/** The channels the renderer invokes (all but the one main sends on). */
export type InvokeChannel = Exclude<keyof FlowlaneBridge, 'onDesktopEvent'>
