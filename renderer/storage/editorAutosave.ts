/**
 * Connects autosave and recovery to the editor store: each opened document gets its own
 * key, and a restart offers what was not saved to a file.
 */
import type { EditorStore } from '../app/store.js'
import { startAutosave, type AutosaveOptions } from './autosave.js'
import type { FlowlaneDatabase } from './database.js'

/** The autosave source of an editor: a new key each time a document is opened or created. */
export function editorSource(store: EditorStore, bootId: string) {
  let opened = 0
  let lastDoc = store.getState().doc
  return {
    current() {
      const state = store.getState()
      return { doc: state.doc, dirty: state.dirty, key: `${bootId}:${opened}`, fileName: state.file?.name ?? null }
    },
    subscribe(listener: () => void) {
      return store.subscribe((state) => {
        // `load` replaces the document with empty histories; an edit or an undo never does.
        if (state.doc !== lastDoc && state.undoStack.length === 0 && state.redoStack.length === 0) opened++
        lastDoc = state.doc
        listener()
      })
    },
  }
}

export function startEditorAutosave(
  db: FlowlaneDatabase,
  store: EditorStore,
  bootId: string,
  options: AutosaveOptions = {},
) {
  const source = editorSource(store, bootId)
  const autosave = startAutosave(db, source, options)
  return { ...autosave, currentKey: () => source.current().key }
}
