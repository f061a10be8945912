import type { NodeKind } from '../../shared/document/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import type { EditorState } from '../app/store.js'

export const KIND_LABELS: Record<NodeKind, string> = {
  start: 'Start',
  end: 'End',
  task: 'Task',
  decision: 'Decision',
  parallel: 'Parallel',
  approval: 'Approval',
  wait: 'Wait',
  subprocess: 'Subprocess',
  note: 'Note',
}

/** The store's `apply` and whether the document may change. */
export function useApply() {
  const store = useEditorStore()
  const readOnly = useEditor((s) => s.readOnly)
  const apply: EditorState['apply'] = (label, recipe) => store.getState().apply(label, recipe)
  return { apply, readOnly }
}

/** A share (0..1) as a percentage rounded to 0.01. */
export function percent(p: number): number {
  return Math.round(p * 10000) / 100
}
