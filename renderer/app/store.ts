/**
 * The editor's one store. The document changes only through `apply`, which runs an Immer
 * recipe with patches: undo and redo replay exact inverse patches, so undo returns the very
 * document it had. Selection, view and file state live beside the document, never in it.
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer'
import { create } from 'zustand'
import type { FlowDocument } from '../../shared/document/index.js'
import type { FileRef } from '../../shared/ipc/contract.js'
import { validateDocument, type MessageLocale, type Problem } from '../../shared/validate/index.js'

enablePatches()

/** quality.md L6: undo history ≤ 200 steps. */
export const HISTORY_LIMIT = 200

/** quality.md L6: … and ≤ 100 MB; the oldest steps are dropped first. */
export const HISTORY_BUDGET_BYTES = 100 * 1024 * 1024

interface HistoryEntry {
  readonly label: string
  readonly patches: Patch[]
  readonly inverse: Patch[]
  /** Estimated memory of the patches: their JSON length, measured once when the step is made. */
  readonly bytes: number
}

/** The patches' JSON length: a cheap, stable estimate of what keeping a step costs. */
export function patchBytes(patches: readonly Patch[]): number {
  return JSON.stringify(patches).length
}

/**
 * The history after pushing `entry`: at most `limit` steps whose estimated size stays within
 * `budget`, dropping the oldest. The newest step is always kept, however large.
 */
export function boundedHistory(
  stack: readonly HistoryEntry[],
  entry: HistoryEntry,
  limit = HISTORY_LIMIT,
  budget = HISTORY_BUDGET_BYTES,
): HistoryEntry[] {
  const kept = [entry]
  let total = entry.bytes
  for (let i = stack.length - 1; i >= 0 && kept.length < limit; i--) {
    total += stack[i]!.bytes
    if (total > budget) break
    kept.push(stack[i]!)
  }
  return kept.reverse()
}

export interface Selection {
  readonly nodes: readonly string[]
  readonly edges: readonly string[]
  readonly lane?: string
  readonly role?: string
  /** The document itself, for its inspector. */
  readonly document?: boolean
}

export const NOTHING_SELECTED: Selection = { nodes: [], edges: [] }

export interface EditorState {
  readonly doc: FlowDocument
  readonly file: FileRef | null
  /** Unsaved changes since the last open or save. */
  readonly dirty: boolean
  readonly undoStack: readonly HistoryEntry[]
  readonly redoStack: readonly HistoryEntry[]
  readonly selection: Selection
  readonly problems: readonly Problem[]
  /** Opened read-only (e.g. made by a newer Flowlane). */
  readonly readOnly: boolean
  /** How many documents `load` has replaced: the canvas fits each newly opened one in view. */
  readonly loads: number
  /** Changes the document as one undoable step. Returns what the recipe returned. */
  apply<T>(label: string, recipe: (draft: Draft<FlowDocument>) => T): T | undefined
  undo(): void
  redo(): void
  /** Replaces the document (open, new, import); history starts afresh. */
  load(doc: FlowDocument, file?: FileRef | null, options?: { dirty?: boolean; readOnly?: boolean }): void
  markSaved(file: FileRef): void
  select(selection: Selection): void
  /** The language of the problems' messages: the UI language (renderer/i18n). */
  readonly problemLocale: MessageLocale
  setProblemLocale(locale: MessageLocale): void
}

function validate(doc: FlowDocument, locale: MessageLocale = 'en'): Problem[] {
  return validateDocument(doc, { locale })
}

export interface EditorStoreOptions {
  /** Undo steps kept (default HISTORY_LIMIT). */
  readonly historyLimit?: number
  /** Estimated bytes of undo patches kept (default HISTORY_BUDGET_BYTES). */
  readonly historyBudget?: number
}

export function createEditorStore(initial: FlowDocument, options: EditorStoreOptions = {}) {
  const historyLimit = options.historyLimit ?? HISTORY_LIMIT
  const historyBudget = options.historyBudget ?? HISTORY_BUDGET_BYTES
  return create<EditorState>()((set, get) => ({
    doc: initial,
    file: null,
    dirty: false,
    undoStack: [],
    redoStack: [],
    selection: NOTHING_SELECTED,
    problems: validate(initial),
    readOnly: false,
    loads: 0,

    apply(label, recipe) {
      const state = get()
      if (state.readOnly) return undefined
      let result: ReturnType<typeof recipe> | undefined
      const [doc, patches, inverse] = produceWithPatches(state.doc, (draft) => {
        result = recipe(draft)
      })
      if (patches.length === 0) return result
      set({
        doc,
        dirty: true,
        undoStack: boundedHistory(
          state.undoStack,
          { label, patches, inverse, bytes: patchBytes(patches) + patchBytes(inverse) },
          historyLimit,
          historyBudget,
        ),
        redoStack: [],
        problems: validate(doc, get().problemLocale),
        selection: pruneSelection(state.selection, doc),
      })
      return result
    },

    undo() {
      const state = get()
      const entry = state.undoStack.at(-1)
      if (!entry) return
      const doc = applyPatches(state.doc, entry.inverse)
      set({
        doc,
        dirty: true,
        undoStack: state.undoStack.slice(0, -1),
        redoStack: [...state.redoStack, entry],
        problems: validate(doc, get().problemLocale),
        selection: pruneSelection(state.selection, doc),
      })
    },

    redo() {
      const state = get()
      const entry = state.redoStack.at(-1)
      if (!entry) return
      const doc = applyPatches(state.doc, entry.patches)
      set({
        doc,
        dirty: true,
        undoStack: [...state.undoStack, entry],
        redoStack: state.redoStack.slice(0, -1),
        problems: validate(doc, get().problemLocale),
        selection: pruneSelection(state.selection, doc),
      })
    },

    load(doc, file = null, options = {}) {
      set({
        doc,
        file,
        dirty: options.dirty ?? false,
        readOnly: options.readOnly ?? false,
        undoStack: [],
        redoStack: [],
        selection: NOTHING_SELECTED,
        problems: validate(doc, get().problemLocale),
        loads: get().loads + 1,
      })
    },

    markSaved(file) {
      set({ file, dirty: false })
    },

    select(selection) {
      set({ selection })
    },

    problemLocale: 'en',
    setProblemLocale(locale) {
      if (locale === get().problemLocale) return
      set({ problemLocale: locale, problems: validate(get().doc, locale) })
    },
  }))
}

/** Drops selected ids that no longer exist (after delete or undo). */
function pruneSelection(selection: Selection, doc: FlowDocument): Selection {
  const nodes = new Set(doc.nodes.map((n) => n.id))
  const edges = new Set(doc.edges.map((e) => e.id))
  const keptNodes = selection.nodes.filter((id) => nodes.has(id))
  const keptEdges = selection.edges.filter((id) => edges.has(id))
  const lane =
    selection.lane !== undefined && doc.lanes.some((l) => l.id === selection.lane) ? selection.lane : undefined
  const role =
    selection.role !== undefined && doc.roles.some((r) => r.id === selection.role) ? selection.role : undefined
  if (
    keptNodes.length === selection.nodes.length &&
    keptEdges.length === selection.edges.length &&
    lane === selection.lane &&
    role === selection.role
  ) {
    return selection
  }
  return {
    nodes: keptNodes,
    edges: keptEdges,
    ...(lane ? { lane } : {}),
    ...(role ? { role } : {}),
    ...(selection.document ? { document: true } : {}),
  }
}

export type EditorStore = ReturnType<typeof createEditorStore>
