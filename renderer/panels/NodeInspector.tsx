import { useState } from 'react'
import type { FlowDocument, FlowNode, NodeKind, Resources } from '../../shared/document/index.js'
import { NODE_KINDS } from '../../shared/document/index.js'
import { connect, deleteElements, setStepTimeout, updateNode } from '../../shared/edit/operations.js'
import { canConnectFrom, connectionTargets } from '../../shared/edit/connections.js'
import { useEditorStore } from '../app/EditorContext.js'
import {
  ApproversField,
  DistributionField,
  useDescribeDistribution,
  DurationField,
  QualityControlsField,
  TagsField,
} from './editors.js'
import { ColorField, ListField, NumberField, Section, SelectField, TextField } from './fields.js'
import { useApply, useKindLabel } from './inspectorShared.js'
import { formatPercent, useT } from '../i18n/index.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'

const WORK_KINDS: readonly NodeKind[] = ['task', 'approval', 'subprocess']
const TIMED_KINDS: readonly NodeKind[] = ['task', 'approval', 'subprocess', 'wait']
/** Every field of one step, grouped the way a process manager fills them in. */
export function NodeInspector({ node, doc }: { node: FlowNode; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const { t } = useT()
  const kindLabel = useKindLabel()
  const theme = useDiagramTheme()
  const describeDistribution = useDescribeDistribution()
  const set = (label: string, fields: Partial<Omit<FlowNode, 'id'>>) =>
    apply(label, (d) => void updateNode(d, node.id, fields))
  const roleOptions = [
    { value: '', label: t('node.nobody') },
    ...doc.roles.map((r) => ({ value: r.id, label: r.name })),
  ]
  const isWork = WORK_KINDS.includes(node.kind)
  const isTimed = TIMED_KINDS.includes(node.kind)
  const isNote = node.kind === 'note'
  const ownerRole = doc.roles.find((r) => r.id === node.owner)
  const setResources = (patch: Partial<Resources>) => {
    const next: Record<string, unknown> = { ...node.resources, ...patch }
    for (const key of Object.keys(next)) {
      const v = next[key]
      if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[key]
    }
    set('Change resources', { resources: Object.keys(next).length ? next : undefined })
  }

  return (
    <form
      className="inspector-form"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('node.formLabel', { label: node.label })}
    >
      <header className="inspector-title">
        <span className={`kind-chip kind-${node.kind}`}>{kindLabel(node.kind)}</span>
        <h2>{node.label || node.id}</h2>
        <code className="muted-id" title={t('common.id')}>
          {node.id}
        </code>
      </header>

      <Section title={t('common.general')}>
        <TextField
          label={t('common.label')}
          value={node.label}
          fieldKey="label"
          disabled={readOnly}
          onCommit={(label) => set('Rename step', { label })}
        />
        <div className="field-row">
          <SelectField<NodeKind>
            label={t('node.kind')}
            value={node.kind}
            options={NODE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            disabled={readOnly}
            onChange={(kind) => kind && set('Change kind', { kind })}
          />
          <SelectField
            label={t('common.lane')}
            value={node.laneId ?? ''}
            options={[
              { value: '', label: t('node.noLane') },
              ...doc.lanes.map((l) => ({ value: l.id, label: l.name })),
            ]}
            disabled={readOnly}
            onChange={(laneId) => set('Change lane', { laneId: laneId || undefined })}
          />
        </div>
        {!isNote && (isWork || node.owner !== undefined) && (
          <SelectField
            label={t('node.owner')}
            value={node.owner ?? ''}
            options={roleOptions}
            disabled={readOnly}
            onChange={(owner) => set('Change owner', { owner: owner || undefined })}
          />
        )}
        <TextField
          label={t('common.description')}
          value={node.description ?? ''}
          multiline
          disabled={readOnly}
          onCommit={(description) => set('Change description', { description: description || undefined })}
        />
      </Section>

      {node.kind === 'start' && (
        <Section title={t('node.arrivals')}>
          <DistributionField
            label={t('node.timeBetweenCases')}
            value={node.arrivals}
            noneLabel={t('node.simulationDefault')}
            hint={
              doc.simulation?.arrivals
                ? t('node.usesDefault', { arrivals: describeDistribution(doc.simulation.arrivals) })
                : t('node.usesDefaultNone')
            }
            disabled={readOnly}
            onCommit={(arrivals) => set('Change arrivals', { arrivals })}
          />
        </Section>
      )}

      {node.kind === 'end' && <OutcomeSection node={node} disabled={readOnly} set={set} />}

      {node.kind === 'approval' && (
        <Section title={t('node.approvers')}>
          <ApproversField
            value={node.approvers ?? []}
            roles={doc.roles}
            disabled={readOnly}
            onCommit={(approvers) => set('Change approvers', { approvers })}
          />
        </Section>
      )}

      {isTimed && (
        <Section title={t('node.time')}>
          <DurationField
            label={t('node.timeLimit')}
            value={node.timeLimit}
            disabled={readOnly}
            onCommit={(timeLimit) => set('Change time limit', { timeLimit })}
          />
          <DistributionField
            label={node.kind === 'wait' ? t('node.waitingTime') : t('node.workTime')}
            value={node.duration}
            disabled={readOnly}
            onCommit={(duration) => set('Change work time', { duration })}
          />
          <TimeoutField node={node} doc={doc} disabled={readOnly} />
        </Section>
      )}

      {isWork && (
        <Section title={t('node.resources')}>
          <NumberField
            label={
              ownerRole
                ? t('node.peopleOf', { headcount: ownerRole.headcount, role: ownerRole.name })
                : t('node.people')
            }
            value={node.resources?.people}
            min={1}
            max={ownerRole?.headcount}
            integer
            optional
            placeholder="1"
            invalidMessage={
              ownerRole
                ? t('node.peopleInvalidRole', { headcount: ownerRole.headcount, role: ownerRole.name })
                : t('node.peopleInvalid')
            }
            disabled={readOnly}
            onCommit={(people) => setResources({ people })}
          />
          <ListField
            label={t('node.tools')}
            addLabel={t('node.addTool')}
            items={node.resources?.tools ?? []}
            disabled={readOnly}
            onCommit={(tools) => setResources({ tools })}
          />
          <ListField
            label={t('node.materials')}
            addLabel={t('node.addMaterial')}
            items={node.resources?.materials ?? []}
            disabled={readOnly}
            onCommit={(materials) => setResources({ materials })}
          />
          <NumberField
            label={t('node.budget')}
            value={node.resources?.budget}
            min={0}
            optional
            suffix={doc.currency ?? ''}
            disabled={readOnly}
            onCommit={(budget) => setResources({ budget })}
          />
        </Section>
      )}

      {isWork && (
        <Section
          title={
            node.qualityControls?.length
              ? t('node.qualityControlsCount', { count: node.qualityControls.length })
              : t('node.qualityControls')
          }
        >
          <QualityControlsField
            value={node.qualityControls ?? []}
            disabled={readOnly}
            onCommit={(qualityControls) => set('Change quality controls', { qualityControls })}
          />
        </Section>
      )}

      {isWork && (
        <Section title={t('node.operatingSteps')}>
          <ListField
            label={t('node.operatingSteps')}
            hideLegend
            addLabel={t('node.addOperatingStep')}
            items={node.steps ?? []}
            disabled={readOnly}
            onCommit={(steps) => set('Change operating steps', { steps: steps.length ? steps : undefined })}
          />
        </Section>
      )}

      {!isNote && (
        <Section title={t('node.whyHow')}>
          <TextField
            label={t('node.why')}
            value={node.why ?? ''}
            multiline
            placeholder={t('node.whyPlaceholder')}
            disabled={readOnly}
            onCommit={(why) => set('Change why', { why: why || undefined })}
          />
          <TextField
            label={t('node.how')}
            value={node.how ?? ''}
            multiline
            placeholder={t('node.howPlaceholder')}
            disabled={readOnly}
            onCommit={(how) => set('Change how', { how: how || undefined })}
          />
          <TagsField value={node.tags ?? []} disabled={readOnly} onCommit={(tags) => set('Change tags', { tags })} />
        </Section>
      )}

      <Section title={t('node.appearance')}>
        <ColorField
          label={t('node.fillColour')}
          value={node.color}
          fallback={theme.kinds[node.kind].fill}
          disabled={readOnly}
          onCommit={(color) => set(color ? 'Change colour' : 'Reset colour', { color })}
        />
      </Section>

      {!isNote && <ConnectionsSection node={node} doc={doc} disabled={readOnly} />}

      {!readOnly && (
        <div className="button-row end">
          <button
            type="button"
            className="danger"
            onClick={() => apply('Delete step', (d) => deleteElements(d, [node.id]))}
          >
            {t('node.delete')}
          </button>
        </div>
      )}
    </form>
  )
}

function OutcomeSection(props: {
  node: FlowNode
  disabled: boolean
  set: (label: string, fields: Partial<Omit<FlowNode, 'id'>>) => void
}) {
  const outcome = props.node.outcome
  const [custom, setCustom] = useState(outcome !== undefined && outcome !== 'won' && outcome !== 'lost')
  const choice = outcome === undefined ? '' : outcome === 'won' || outcome === 'lost' ? outcome : 'custom'
  const { t } = useT()
  return (
    <Section title={t('node.outcome')}>
      <SelectField<'won' | 'lost' | 'custom'>
        label={t('node.outcome')}
        value={custom ? 'custom' : choice}
        options={[
          { value: '', label: t('common.none') },
          { value: 'won', label: t('node.won') },
          { value: 'lost', label: t('node.lost') },
          { value: 'custom', label: t('node.custom') },
        ]}
        disabled={props.disabled}
        onChange={(v) => {
          setCustom(v === 'custom')
          if (v !== 'custom') props.set('Change outcome', { outcome: v || undefined })
        }}
      />
      {(custom || choice === 'custom') && (
        <TextField
          label={t('node.customOutcome')}
          value={choice === 'custom' ? (outcome ?? '') : ''}
          placeholder={t('node.customPlaceholder')}
          disabled={props.disabled}
          onCommit={(v) => props.set('Change outcome', { outcome: v.trim() || undefined })}
        />
      )}
    </Section>
  )
}

/** A timeout: after how long, and through which of the step's own outgoing edges. */
function TimeoutField({ node, doc, disabled }: { node: FlowNode; doc: FlowDocument; disabled: boolean }) {
  const { apply } = useApply()
  const { t } = useT()
  const outgoing = doc.edges.filter((e) => e.source === node.id)
  const name = (target: string) => doc.nodes.find((n) => n.id === target)?.label || target
  const [edgeId, setEdgeId] = useState('')
  const timeout = node.timeout
  const chosen = timeout?.edgeId ?? (outgoing.some((e) => e.id === edgeId) ? edgeId : (outgoing.at(-1)?.id ?? ''))
  const commit = (next: FlowNode['timeout']) =>
    apply(next ? 'Change timeout' : 'Remove timeout', (d) => void setStepTimeout(d, node.id, next))
  return (
    <fieldset className="timeout">
      <legend>{t('node.timeoutLegend')}</legend>
      {outgoing.length === 0 ? (
        <p className="hint">{t('node.timeoutHint')}</p>
      ) : (
        <>
          <DurationField
            label={t('node.leaveAfter')}
            value={timeout?.after}
            defaultUnit="day"
            disabled={disabled}
            onCommit={(after) => commit(after && chosen ? { after, edgeId: chosen } : undefined)}
          />
          <SelectField
            label={t('node.through')}
            value={chosen}
            options={outgoing.map((e) => ({
              value: e.id,
              label: `→ ${name(e.target)}${e.label ? ` (${e.label})` : ''}`,
            }))}
            disabled={disabled}
            onChange={(id) => {
              setEdgeId(id)
              if (timeout && id) commit({ after: timeout.after, edgeId: id })
            }}
          />
          {timeout && (
            <div className="button-row">
              <button type="button" disabled={disabled} onClick={() => commit(undefined)}>
                {t('node.removeTimeout')}
              </button>
            </div>
          )}
        </>
      )}
    </fieldset>
  )
}

/** The step's outgoing edges, and a keyboard way to connect it to another step. */
function ConnectionsSection({ node, doc, disabled }: { node: FlowNode; doc: FlowDocument; disabled: boolean }) {
  const store = useEditorStore()
  const { apply } = useApply()
  const { t, language } = useT()
  const kindLabel = useKindLabel()
  const [target, setTarget] = useState('')
  const outgoing = doc.edges.filter((e) => e.source === node.id)
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label || id
  const candidates = connectionTargets(doc, node.id)
  const chosen = candidates.some((n) => n.id === target) ? target : (candidates[0]?.id ?? '')
  return (
    <Section title={t('node.connections')}>
      {outgoing.length > 0 ? (
        <ul className="edge-list" aria-label={t('node.outgoing')}>
          {outgoing.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => store.getState().select({ nodes: [], edges: [e.id] })}
              >
                → {label(e.target)}
                {e.label && <span className="muted"> ({e.label})</span>}
                {e.probability !== undefined && <span className="pill">{formatPercent(e.probability, language)}</span>}
                {node.timeout?.edgeId === e.id && <span className="pill">{t('common.timeout')}</span>}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('node.noOutgoing')}</p>
      )}
      {canConnectFrom(node) && (
        <div className="field-row align-end">
          <SelectField
            label={t('node.connectTo')}
            value={chosen}
            options={candidates.map((n) => ({ value: n.id, label: `${n.label || n.id} (${kindLabel(n.kind)})` }))}
            disabled={disabled || candidates.length === 0}
            onChange={setTarget}
          />
          <button
            type="button"
            disabled={disabled || !chosen}
            onClick={() => {
              apply('Connect', (d) => connect(d, node.id, chosen))
              setTarget('')
            }}
          >
            {t('node.connect')}
          </button>
        </div>
      )}
    </Section>
  )
}
