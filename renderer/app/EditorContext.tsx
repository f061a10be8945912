import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { EditorState, EditorStore } from './store.js'

export const EditorContext = createContext<EditorStore | null>(null)

/** Reads from the editor store; re-renders only when the selected slice changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useContext(EditorContext)
  if (!store) throw new Error('useEditor outside <EditorContext>')
  return useStore(store, selector)
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext)
  if (!store) throw new Error('useEditorStore outside <EditorContext>')
  return store
}
