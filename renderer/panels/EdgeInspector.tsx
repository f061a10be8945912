import type { FlowDocument } from '../../shared/document/index.js'
import { balanceProbabilities, branchesOf, deleteElements, updateEdge } from '../../shared/edit/operations.js'
import { useEditorStore } from '../app/EditorContext.js'
import { NumberField, Section, TextField } from './fields.js'
import { percent, useApply } from './inspectorShared.js'

/** An edge: label, probability with the live sum of its siblings, condition. */
export function EdgeInspector({ edgeId, doc }: { edgeId: string; doc: FlowDocument }) {
  const store = useEditorStore()
  const { apply, readOnly } = useApply()
  const edge = doc.edges.find((e) => e.id === edgeId)!
  const source = doc.nodes.find((n) => n.id === edge.source)
  const target = doc.nodes.find((n) => n.id === edge.target)
  const isTimeout = source?.timeout?.edgeId === edge.id
  const branches = branchesOf(doc, edge.source)
  const sum = branches.reduce((total, e) => total + (e.probability ?? 0), 0)
  const adds = Math.abs(sum - 1) < 1e-9
  const name = (id: string) => doc.nodes.find((n) => n.id === id)?.label || id
  const set = (label: string, fields: Parameters<typeof updateEdge>[2]) =>
    apply(label, (d) => void updateEdge(d, edge.id, fields))
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Edge">
      <header className="inspector-title">
        <span className="kind-chip kind-edge">Edge</span>
        <h2>
          {source?.label || edge.source} <span aria-label="to">→</span> {target?.label || edge.target}
        </h2>
        <code className="muted-id" title="Id">
          {edge.id}
        </code>
      </header>
      <Section title="General">
        <TextField
          label="Label"
          value={edge.label ?? ''}
          fieldKey="label"
          placeholder="e.g. yes, approved"
          disabled={readOnly}
          onCommit={(label) => set('Label edge', { label: label || undefined })}
        />
        <TextField
          label="Condition"
          value={edge.condition ?? ''}
          placeholder="e.g. BANT score ≥ 3"
          disabled={readOnly}
          onCommit={(condition) => set('Change condition', { condition: condition || undefined })}
        />
      </Section>
      <Section title="Probability">
        {isTimeout ? (
          <p className="hint">
            This edge is the timeout of “{source?.label}”: late cases leave through it, and it takes no probability.
          </p>
        ) : (
          <>
            <NumberField
              label="Share of cases taking this edge"
              value={edge.probability === undefined ? undefined : percent(edge.probability)}
              min={0}
              max={100}
              optional
              placeholder="not set"
              suffix="%"
              invalidMessage="Enter a percentage from 0 to 100."
              disabled={readOnly}
              onCommit={(p) =>
                set('Change probability', { probability: p === undefined ? undefined : Math.round(p * 100) / 10000 })
              }
            />
            {branches.length > 1 && (
              <div className="branch-sum">
                <table className="branches" aria-label={`Branches of ${source?.label ?? edge.source}`}>
                  <tbody>
                    {branches.map((b) => (
                      <tr key={b.id} className={b.id === edge.id ? 'current' : undefined}>
                        <td>
                          {b.id === edge.id ? (
                            <span>→ {name(b.target)}</span>
                          ) : (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => store.getState().select({ nodes: [], edges: [b.id] })}
                            >
                              → {name(b.target)}
                            </button>
                          )}
                          {b.label && <span className="muted"> ({b.label})</span>}
                        </td>
                        <td className="num">{b.probability === undefined ? '—' : `${percent(b.probability)} %`}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Total</th>
                      <td className={adds ? 'num ok' : 'num warn'} data-testid="branch-sum" role="status">
                        {percent(sum)} %
                      </td>
                    </tr>
                  </tfoot>
                </table>
                {!adds && (
                  <>
                    <p className="hint warn">The branches of “{source?.label}” should add up to 100 %.</p>
                    <button
                      type="button"
                      disabled={readOnly}
                      onClick={() => apply('Balance probabilities', (d) => balanceProbabilities(d, edge.id))}
                    >
                      Make the branches add up to 100 %
                    </button>
                  </>
                )}
              </div>
            )}
          </>
        )}
      </Section>
      {!readOnly && (
        <div className="button-row end">
          <button
            type="button"
            className="danger"
            onClick={() => apply('Delete edge', (d) => deleteElements(d, [], [edge.id]))}
          >
            Delete edge
          </button>
        </div>
      )}
    </form>
  )
}
