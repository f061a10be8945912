import { useReactFlow } from '@xyflow/react'
import type { FlowDocument } from '../../shared/document/index.js'
import { nodeBox } from '../../shared/geometry/index.js'
import type { Problem, Severity } from '../../shared/validate/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { focusNode } from '../canvas/focusNode.js'
import { useT } from '../i18n/index.js'
import './problems.css'

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

/** What a problem is about, named the way the user named it. */
function subjectOf(problem: Problem, doc: FlowDocument, t: ReturnType<typeof useT>['t']): string {
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label || id
  if (problem.nodeId !== undefined) return t('problems.step', { label: label(problem.nodeId) })
  if (problem.edgeId !== undefined) {
    const edge = doc.edges.find((e) => e.id === problem.edgeId)
    return edge
      ? t('problems.edge', { from: label(edge.source), to: label(edge.target) })
      : t('problems.edge', { from: problem.edgeId, to: '?' })
  }
  if (problem.laneId !== undefined) {
    return t('problems.lane', { name: doc.lanes.find((l) => l.id === problem.laneId)?.name || problem.laneId })
  }
  if (problem.roleId !== undefined) {
    return t('problems.role', { name: doc.roles.find((r) => r.id === problem.roleId)?.name || problem.roleId })
  }
  return t('problems.document')
}

/**
 * The live list of what shared/validate finds, grouped by severity, in the UI language.
 * A click (or Enter) on a problem selects its step and brings it to the middle of the view,
 * or selects its edge, lane or role.
 */
export function Problems() {
  const store = useEditorStore()
  const problems = useEditor((s) => s.problems)
  const doc = useEditor((s) => s.doc)
  const flow = useReactFlow()
  const { t } = useT()

  const show = (problem: Problem) => {
    const state = store.getState()
    if (problem.nodeId !== undefined && doc.nodes.some((n) => n.id === problem.nodeId)) {
      focusNode(store, flow, problem.nodeId)
    } else if (problem.edgeId !== undefined) {
      const edge = doc.edges.find((e) => e.id === problem.edgeId)
      state.select({ nodes: [], edges: [problem.edgeId] })
      const source = edge && doc.nodes.find((n) => n.id === edge.source)
      const target = edge && doc.nodes.find((n) => n.id === edge.target)
      if (source && target) {
        const a = nodeBox(source)
        const b = nodeBox(target)
        void flow.setCenter(
          (a.x + a.width / 2 + b.x + b.width / 2) / 2,
          (a.y + a.height / 2 + b.y + b.height / 2) / 2,
          {
            zoom: Math.max(flow.getZoom(), 1),
            duration: 250,
          },
        )
      }
    } else if (problem.laneId !== undefined) {
      state.select({ nodes: [], edges: [], lane: problem.laneId })
    } else if (problem.roleId !== undefined) {
      state.select({ nodes: [], edges: [], role: problem.roleId })
    }
  }

  if (problems.length === 0) return <p className="hint problems-empty">{t('problems.none')}</p>
  return (
    <div className="problems" aria-label={t('problems.label')}>
      <p className="hint">{t('problems.help')}</p>
      {SEVERITIES.map((severity) => {
        const group = problems.filter((p) => p.severity === severity)
        if (group.length === 0) return null
        return (
          <section key={severity} className={`problem-group problem-group-${severity}`} data-severity={severity}>
            <h3>{t(`problems.severity.${severity}`, { count: group.length })}</h3>
            <ul>
              {group.map((problem, i) => (
                <li
                  key={`${problem.rule}-${problem.nodeId ?? problem.edgeId ?? problem.laneId ?? problem.roleId ?? ''}-${i}`}
                >
                  <button
                    type="button"
                    className="problem-row"
                    data-rule={problem.rule}
                    data-node={problem.nodeId}
                    onClick={() => show(problem)}
                  >
                    <span className={`problem-dot problem-${severity}`} aria-hidden />
                    <span className="problem-text">
                      <span className="problem-subject">{subjectOf(problem, doc, t)}</span>
                      <span className="problem-message">{problem.message}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
