import type { NodeKind } from '../../shared/document/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import type { EditorState } from '../app/store.js'
import { useT } from '../i18n/index.js'

/** A kind's name in the UI language. */
export function useKindLabel(): (kind: NodeKind) => string {
  const { t } = useT()
  return (kind) => t(`kinds.${kind}`)
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
