import type { FlowDocument } from '../../shared/document/index.js'
import { balanceProbabilities, branchesOf, deleteElements, updateEdge } from '../../shared/edit/operations.js'
import { useEditorStore } from '../app/EditorContext.js'
import { NumberField, Section, TextField } from './fields.js'
import { percent, useApply } from './inspectorShared.js'
import { formatPercent, useT } from '../i18n/index.js'

/** An edge: label, probability with the live sum of its siblings, condition. */
export function EdgeInspector({ edgeId, doc }: { edgeId: string; doc: FlowDocument }) {
  const store = useEditorStore()
  const { apply, readOnly } = useApply()
  const { t, language } = useT()
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
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('common.edge')}>
      <header className="inspector-title">
        <span className="kind-chip kind-edge">{t('common.edge')}</span>
        <h2>
          {source?.label || edge.source} <span aria-label={t('common.to')}>→</span> {target?.label || edge.target}
        </h2>
        <code className="muted-id" title={t('common.id')}>
          {edge.id}
        </code>
      </header>
      <Section title={t('common.general')}>
        <TextField
          label={t('common.label')}
          value={edge.label ?? ''}
          fieldKey="label"
          placeholder={t('edge.egLabel')}
          disabled={readOnly}
          onCommit={(label) => set('Label edge', { label: label || undefined })}
        />
        <TextField
          label={t('edge.condition')}
          value={edge.condition ?? ''}
          placeholder={t('edge.egCondition')}
          disabled={readOnly}
          onCommit={(condition) => set('Change condition', { condition: condition || undefined })}
        />
      </Section>
      <Section title={t('edge.probability')}>
        {isTimeout ? (
          <p className="hint">{t('edge.timeoutHint', { label: source?.label ?? edge.source })}</p>
        ) : (
          <>
            <NumberField
              label={t('edge.share')}
              value={edge.probability === undefined ? undefined : percent(edge.probability)}
              min={0}
              max={100}
              optional
              placeholder={t('common.notSet')}
              suffix="%"
              invalidMessage={t('edge.shareInvalid')}
              disabled={readOnly}
              onCommit={(p) =>
                set('Change probability', { probability: p === undefined ? undefined : Math.round(p * 100) / 10000 })
              }
            />
            {branches.length > 1 && (
              <div className="branch-sum">
                <table className="branches" aria-label={t('edge.branchesOf', { label: source?.label ?? edge.source })}>
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
                        <td className="num">
                          {b.probability === undefined ? '—' : formatPercent(b.probability, language)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('edge.total')}</th>
                      <td className={adds ? 'num ok' : 'num warn'} data-testid="branch-sum" role="status">
                        {formatPercent(sum, language)}
                      </td>
                    </tr>
                  </tfoot>
                </table>
                {!adds && (
                  <>
                    <p className="hint warn">{t('edge.shouldAddUp', { label: source?.label ?? edge.source })}</p>
                    <button
                      type="button"
                      disabled={readOnly}
                      onClick={() => apply('Balance probabilities', (d) => balanceProbabilities(d, edge.id))}
                    >
                      {t('edge.balance')}
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
            {t('edge.delete')}
          </button>
        </div>
      )}
    </form>
  )
}
