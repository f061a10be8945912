import { useState } from 'react'
import type { FlowDocument, FlowNode, NodeKind, Resources } from '../../shared/document/index.js'
import { NODE_KINDS } from '../../shared/document/index.js'
import { LIGHT_THEME } from '../../shared/formats/svg/theme.js'
import { describeDistribution } from '../../shared/edit/distributions.js'
import { connect, deleteElements, setStepTimeout, updateNode } from '../../shared/edit/operations.js'
import { useEditorStore } from '../app/EditorContext.js'
import { ApproversField, DistributionField, DurationField, QualityControlsField, TagsField } from './editors.js'
import { ColorField, ListField, NumberField, Section, SelectField, TextField } from './fields.js'
import { KIND_LABELS, useApply } from './inspectorShared.js'

const WORK_KINDS: readonly NodeKind[] = ['task', 'approval', 'subprocess']
const TIMED_KINDS: readonly NodeKind[] = ['task', 'approval', 'subprocess', 'wait']
/** Every field of one step, grouped the way a process manager fills them in. */
export function NodeInspector({ node, doc }: { node: FlowNode; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const set = (label: string, fields: Partial<Omit<FlowNode, 'id'>>) =>
    apply(label, (d) => void updateNode(d, node.id, fields))
  const roleOptions = [{ value: '', label: 'Nobody' }, ...doc.roles.map((r) => ({ value: r.id, label: r.name }))]
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
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={`Step ${node.label}`}>
      <header className="inspector-title">
        <span className={`kind-chip kind-${node.kind}`}>{KIND_LABELS[node.kind]}</span>
        <h2>{node.label || node.id}</h2>
        <code className="muted-id" title="Id">
          {node.id}
        </code>
      </header>

      <Section title="General">
        <TextField
          label="Label"
          value={node.label}
          fieldKey="label"
          disabled={readOnly}
          onCommit={(label) => set('Rename step', { label })}
        />
        <div className="field-row">
          <SelectField<NodeKind>
            label="Kind"
            value={node.kind}
            options={NODE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            disabled={readOnly}
            onChange={(kind) => kind && set('Change kind', { kind })}
          />
          <SelectField
            label="Lane"
            value={node.laneId ?? ''}
            options={[{ value: '', label: 'No lane' }, ...doc.lanes.map((l) => ({ value: l.id, label: l.name }))]}
            disabled={readOnly}
            onChange={(laneId) => set('Change lane', { laneId: laneId || undefined })}
          />
        </div>
        {!isNote && (isWork || node.owner !== undefined) && (
          <SelectField
            label="Owner (responsible role)"
            value={node.owner ?? ''}
            options={roleOptions}
            disabled={readOnly}
            onChange={(owner) => set('Change owner', { owner: owner || undefined })}
          />
        )}
        <TextField
          label="Description"
          value={node.description ?? ''}
          multiline
          disabled={readOnly}
          onCommit={(description) => set('Change description', { description: description || undefined })}
        />
      </Section>

      {node.kind === 'start' && (
        <Section title="Arrivals">
          <DistributionField
            label="Time between new cases"
            value={node.arrivals}
            noneLabel="Simulation default"
            hint={
              doc.simulation?.arrivals
                ? `Uses the simulation’s default: ${describeDistribution(doc.simulation.arrivals)}.`
                : 'Uses the simulation’s default arrivals (none set yet).'
            }
            disabled={readOnly}
            onCommit={(arrivals) => set('Change arrivals', { arrivals })}
          />
        </Section>
      )}

      {node.kind === 'end' && <OutcomeSection node={node} disabled={readOnly} set={set} />}

      {node.kind === 'approval' && (
        <Section title="Approvers">
          <ApproversField
            value={node.approvers ?? []}
            roles={doc.roles}
            disabled={readOnly}
            onCommit={(approvers) => set('Change approvers', { approvers })}
          />
        </Section>
      )}

      {isTimed && (
        <Section title="Time">
          <DurationField
            label="Time limit (SLA)"
            value={node.timeLimit}
            disabled={readOnly}
            onCommit={(timeLimit) => set('Change time limit', { timeLimit })}
          />
          <DistributionField
            label={node.kind === 'wait' ? 'Waiting time' : 'Work time'}
            value={node.duration}
            disabled={readOnly}
            onCommit={(duration) => set('Change work time', { duration })}
          />
          <TimeoutField node={node} doc={doc} disabled={readOnly} />
        </Section>
      )}

      {isWork && (
        <Section title="Resources">
          <NumberField
            label={ownerRole ? `People (of ${ownerRole.headcount} ${ownerRole.name})` : 'People'}
            value={node.resources?.people}
            min={1}
            max={ownerRole?.headcount}
            integer
            optional
            placeholder="1"
            invalidMessage={
              ownerRole
                ? `From 1 to ${ownerRole.headcount}, the headcount of ${ownerRole.name}.`
                : 'A whole number of at least 1.'
            }
            disabled={readOnly}
            onCommit={(people) => setResources({ people })}
          />
          <ListField
            label="Tools"
            addLabel="Add a tool"
            items={node.resources?.tools ?? []}
            disabled={readOnly}
            onCommit={(tools) => setResources({ tools })}
          />
          <ListField
            label="Materials"
            addLabel="Add a material"
            items={node.resources?.materials ?? []}
            disabled={readOnly}
            onCommit={(materials) => setResources({ materials })}
          />
          <NumberField
            label="Budget"
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
        <Section title={`Quality controls${node.qualityControls?.length ? ` (${node.qualityControls.length})` : ''}`}>
          <QualityControlsField
            value={node.qualityControls ?? []}
            disabled={readOnly}
            onCommit={(qualityControls) => set('Change quality controls', { qualityControls })}
          />
        </Section>
      )}

      {isWork && (
        <Section title="Operating steps">
          <ListField
            label="Operating steps"
            hideLegend
            addLabel="Add an operating step"
            items={node.steps ?? []}
            disabled={readOnly}
            onCommit={(steps) => set('Change operating steps', { steps: steps.length ? steps : undefined })}
          />
        </Section>
      )}

      {!isNote && (
        <Section title="Why and how">
          <TextField
            label="Why"
            value={node.why ?? ''}
            multiline
            placeholder="Why this step exists"
            disabled={readOnly}
            onCommit={(why) => set('Change why', { why: why || undefined })}
          />
          <TextField
            label="How"
            value={node.how ?? ''}
            multiline
            placeholder="How it is done well"
            disabled={readOnly}
            onCommit={(how) => set('Change how', { how: how || undefined })}
          />
          <TagsField value={node.tags ?? []} disabled={readOnly} onCommit={(tags) => set('Change tags', { tags })} />
        </Section>
      )}

      <Section title="Appearance">
        <ColorField
          label="Fill colour"
          value={node.color}
          fallback={LIGHT_THEME.kinds[node.kind].fill}
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
            Delete step
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
  return (
    <Section title="Outcome">
      <SelectField<'won' | 'lost' | 'custom'>
        label="Outcome"
        value={custom ? 'custom' : choice}
        options={[
          { value: '', label: 'None' },
          { value: 'won', label: 'Won' },
          { value: 'lost', label: 'Lost' },
          { value: 'custom', label: 'Custom…' },
        ]}
        disabled={props.disabled}
        onChange={(v) => {
          setCustom(v === 'custom')
          if (v !== 'custom') props.set('Change outcome', { outcome: v || undefined })
        }}
      />
      {(custom || choice === 'custom') && (
        <TextField
          label="Custom outcome"
          value={choice === 'custom' ? (outcome ?? '') : ''}
          placeholder="e.g. deferred"
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
  const outgoing = doc.edges.filter((e) => e.source === node.id)
  const name = (target: string) => doc.nodes.find((n) => n.id === target)?.label || target
  const [edgeId, setEdgeId] = useState('')
  const timeout = node.timeout
  const chosen = timeout?.edgeId ?? (outgoing.some((e) => e.id === edgeId) ? edgeId : (outgoing.at(-1)?.id ?? ''))
  const commit = (next: FlowNode['timeout']) =>
    apply(next ? 'Change timeout' : 'Remove timeout', (d) => void setStepTimeout(d, node.id, next))
  return (
    <fieldset className="timeout">
      <legend>Timeout</legend>
      {outgoing.length === 0 ? (
        <p className="hint">Connect this step to where late cases go to give it a timeout.</p>
      ) : (
        <>
          <DurationField
            label="Leave after"
            value={timeout?.after}
            defaultUnit="day"
            disabled={disabled}
            onCommit={(after) => commit(after && chosen ? { after, edgeId: chosen } : undefined)}
          />
          <SelectField
            label="Through"
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
                Remove timeout
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
  const [target, setTarget] = useState('')
  const outgoing = doc.edges.filter((e) => e.source === node.id)
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label || id
  const candidates = doc.nodes.filter(
    (n) => n.id !== node.id && n.kind !== 'note' && !outgoing.some((e) => e.target === n.id),
  )
  const chosen = candidates.some((n) => n.id === target) ? target : (candidates[0]?.id ?? '')
  return (
    <Section title="Connections">
      {outgoing.length > 0 ? (
        <ul className="edge-list" aria-label="Outgoing edges">
          {outgoing.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => store.getState().select({ nodes: [], edges: [e.id] })}
              >
                → {label(e.target)}
                {e.label && <span className="muted"> ({e.label})</span>}
                {e.probability !== undefined && (
                  <span className="pill">{Math.round(e.probability * 10000) / 100} %</span>
                )}
                {node.timeout?.edgeId === e.id && <span className="pill">timeout</span>}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No outgoing edges.</p>
      )}
      {node.kind !== 'end' && (
        <div className="field-row align-end">
          <SelectField
            label="Connect to…"
            value={chosen}
            options={candidates.map((n) => ({ value: n.id, label: `${n.label || n.id} (${KIND_LABELS[n.kind]})` }))}
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
            Connect
          </button>
        </div>
      )}
    </Section>
  )
}
