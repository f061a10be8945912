import type { Distribution, Duration, FlowDocument, FlowNode, NodeKind, TimeUnit } from '../../shared/document/index.js'
import { DISTRIBUTION_KINDS, NODE_KINDS, TIME_UNITS } from '../../shared/document/index.js'
import {
  deleteElements,
  moveLane,
  removeLane,
  updateEdge,
  updateLane,
  updateNode,
  updateRole,
} from '../../shared/edit/operations.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import type { EditorState } from '../app/store.js'
import { ListField, NumberField, SelectField, TextField } from './fields.js'

const UNIT_OPTIONS = TIME_UNITS.map((u) => ({ value: u, label: u }))
const WORK_KINDS: readonly NodeKind[] = ['task', 'approval', 'subprocess']

/** The side panel: every field of whatever is selected — a step, an edge, a lane, a role or the document. */
export function Inspector() {
  const selection = useEditor((s) => s.selection)
  const doc = useEditor((s) => s.doc)
  const node = selection.nodes.length === 1 ? doc.nodes.find((n) => n.id === selection.nodes[0]) : undefined
  const edge =
    selection.edges.length === 1 && selection.nodes.length === 0
      ? doc.edges.find((e) => e.id === selection.edges[0])
      : undefined
  const lane = selection.lane !== undefined ? doc.lanes.find((l) => l.id === selection.lane) : undefined
  return (
    <aside className="inspector" aria-label="Inspector">
      {node ? (
        <NodeInspector node={node} doc={doc} />
      ) : edge ? (
        <EdgeInspector edgeId={edge.id} doc={doc} />
      ) : lane ? (
        <LaneInspector laneId={lane.id} doc={doc} />
      ) : selection.nodes.length > 1 ? (
        <p className="hint">{selection.nodes.length} steps selected.</p>
      ) : (
        <DocumentInspector doc={doc} />
      )}
    </aside>
  )
}

function useApply() {
  const store = useEditorStore()
  const readOnly = useEditor((s) => s.readOnly)
  const apply: EditorState['apply'] = (label, recipe) => store.getState().apply(label, recipe)
  return { apply, readOnly }
}

function DurationField(props: {
  label: string
  value: Duration | undefined
  onCommit: (value: Duration | undefined) => void
  disabled: boolean
}) {
  const unit = props.value?.unit ?? 'workday'
  return (
    <div className="field-row">
      <NumberField
        label={props.label}
        value={props.value?.value}
        min={0}
        optional
        disabled={props.disabled}
        onCommit={(v) => props.onCommit(v === undefined ? undefined : { value: v, unit })}
      />
      <SelectField<TimeUnit>
        label="Unit"
        value={unit}
        options={UNIT_OPTIONS}
        disabled={props.disabled || !props.value}
        onChange={(u) => props.value && props.onCommit({ value: props.value.value, unit: u || 'workday' })}
      />
    </div>
  )
}

/** The parameters each distribution takes, in the order people think of them. */
const PARAMS: Record<Distribution['dist'], readonly string[]> = {
  fixed: ['value'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  exponential: ['mean'],
}

/** Converts a distribution to another kind, keeping its typical value. */
function convertDistribution(d: Distribution | undefined, dist: Distribution['dist'], unit: TimeUnit): Distribution {
  const typical =
    d === undefined ? 1 : 'mode' in d ? d.mode : 'value' in d ? d.value : 'mean' in d ? d.mean : (d.min + d.max) / 2
  switch (dist) {
    case 'fixed':
      return { dist, value: typical, unit }
    case 'uniform':
      return { dist, min: typical / 2, max: typical * 1.5, unit }
    case 'triangular':
    case 'pert':
      return { dist, min: typical / 2, mode: typical, max: typical * 2, unit }
    case 'normal':
    case 'lognormal':
      return { dist, mean: typical, sd: typical / 4, unit }
    case 'exponential':
      return { dist, mean: typical, unit }
  }
}

export function DistributionField(props: {
  label: string
  value: Distribution | undefined
  onCommit: (value: Distribution | undefined) => void
  disabled: boolean
}) {
  const d = props.value
  const unit = d?.unit ?? 'hour'
  const params = d ? PARAMS[d.dist] : []
  const values = (d ?? {}) as Record<string, number>
  return (
    <fieldset className="distribution">
      <legend>{props.label}</legend>
      <div className="field-row">
        <SelectField<Distribution['dist']>
          label="Distribution"
          value={d?.dist ?? ''}
          options={[{ value: '', label: '— none —' }, ...DISTRIBUTION_KINDS.map((k) => ({ value: k, label: k }))]}
          disabled={props.disabled}
          onChange={(dist) => props.onCommit(dist === '' ? undefined : convertDistribution(d, dist, unit))}
        />
        <SelectField<TimeUnit>
          label="Unit"
          value={unit}
          options={UNIT_OPTIONS}
          disabled={props.disabled || !d}
          onChange={(u) => d && props.onCommit({ ...d, unit: u || 'hour' })}
        />
      </div>
      {d && (
        <div className="field-row">
          {params.map((param, i) => (
            <NumberField
              key={param}
              label={param}
              value={values[param]}
              min={
                i > 0 && (d.dist === 'uniform' || d.dist === 'triangular' || d.dist === 'pert')
                  ? values[params[i - 1]!]
                  : 0
              }
              max={
                i < params.length - 1 && (d.dist === 'uniform' || d.dist === 'triangular' || d.dist === 'pert')
                  ? values[params[i + 1]!]
                  : undefined
              }
              disabled={props.disabled}
              onCommit={(v) => v !== undefined && props.onCommit({ ...d, [param]: v })}
            />
          ))}
        </div>
      )}
    </fieldset>
  )
}

function NodeInspector({ node, doc }: { node: FlowNode; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const set = (label: string, fields: Partial<Omit<FlowNode, 'id'>>) =>
    apply(label, (d) => updateNode(d, node.id, fields))
  const roleOptions = [{ value: '', label: '— none —' }, ...doc.roles.map((r) => ({ value: r.id, label: r.name }))]
  const isWork = WORK_KINDS.includes(node.kind)
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={`Step ${node.label}`}>
      <h2>{node.label || node.id}</h2>
      <TextField
        label="Label"
        value={node.label}
        disabled={readOnly}
        onCommit={(label) => set('Rename step', { label })}
      />
      <SelectField<NodeKind>
        label="Kind"
        value={node.kind}
        options={NODE_KINDS.map((k) => ({ value: k, label: k }))}
        disabled={readOnly}
        onChange={(kind) => kind && set('Change kind', { kind })}
      />
      {(isWork || node.owner !== undefined) && (
        <SelectField
          label="Owner"
          value={node.owner ?? ''}
          options={roleOptions}
          disabled={readOnly}
          onChange={(owner) => set('Change owner', { owner: owner || undefined })}
        />
      )}
      <SelectField
        label="Lane"
        value={node.laneId ?? ''}
        options={[{ value: '', label: '— none —' }, ...doc.lanes.map((l) => ({ value: l.id, label: l.name }))]}
        disabled={readOnly}
        onChange={(laneId) => set('Change lane', { laneId: laneId || undefined })}
      />
      {(isWork || node.kind === 'wait') && (
        <>
          <DurationField
            label="Time limit"
            value={node.timeLimit}
            disabled={readOnly}
            onCommit={(timeLimit) => set('Change time limit', { timeLimit })}
          />
          <DistributionField
            label="Work time"
            value={node.duration}
            disabled={readOnly}
            onCommit={(duration) => set('Change work time', { duration })}
          />
        </>
      )}
      {isWork && (
        <NumberField
          label="People"
          value={node.resources?.people}
          min={1}
          integer
          optional
          disabled={readOnly}
          onCommit={(people) =>
            set('Change people', { resources: { ...node.resources, ...(people === undefined ? {} : { people }) } })
          }
        />
      )}
      {isWork && (
        <ListField
          label="Operating steps"
          addLabel="Add a step"
          items={node.steps ?? []}
          disabled={readOnly}
          onCommit={(steps) => set('Change operating steps', { steps: steps.length ? steps : undefined })}
        />
      )}
      {isWork && (
        <ListField
          label="Quality controls"
          addLabel="Add a standard"
          items={(node.qualityControls ?? []).map((q) => q.standard)}
          disabled={readOnly}
          onCommit={(standards) =>
            set('Change quality controls', {
              qualityControls: standards.length
                ? standards.map((standard, i) => ({ ...(node.qualityControls?.[i] ?? {}), standard }))
                : undefined,
            })
          }
        />
      )}
      {node.kind === 'end' && (
        <TextField
          label="Outcome"
          value={node.outcome ?? ''}
          disabled={readOnly}
          onCommit={(outcome) => set('Change outcome', { outcome: outcome || undefined })}
        />
      )}
      <TextField
        label="Description"
        value={node.description ?? ''}
        multiline
        disabled={readOnly}
        onCommit={(description) => set('Change description', { description: description || undefined })}
      />
      {!readOnly && (
        <button
          type="button"
          className="danger"
          onClick={() => apply('Delete step', (d) => deleteElements(d, [node.id]))}
        >
          Delete step
        </button>
      )}
    </form>
  )
}

function EdgeInspector({ edgeId, doc }: { edgeId: string; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const edge = doc.edges.find((e) => e.id === edgeId)!
  const source = doc.nodes.find((n) => n.id === edge.source)
  const siblings = doc.edges.filter((e) => e.source === edge.source && e.id !== source?.timeout?.edgeId)
  const sum = siblings.reduce((total, e) => total + (e.probability ?? 0), 0)
  const set = (label: string, fields: Parameters<typeof updateEdge>[2]) =>
    apply(label, (d) => updateEdge(d, edge.id, fields))
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Edge">
      <h2>
        {source?.label ?? edge.source} → {doc.nodes.find((n) => n.id === edge.target)?.label ?? edge.target}
      </h2>
      <TextField
        label="Label"
        value={edge.label ?? ''}
        disabled={readOnly}
        onCommit={(label) => set('Label edge', { label: label || undefined })}
      />
      <NumberField
        label="Probability (%)"
        value={edge.probability === undefined ? undefined : Math.round(edge.probability * 10000) / 100}
        min={0}
        max={100}
        optional
        disabled={readOnly}
        onCommit={(p) => set('Change probability', { probability: p === undefined ? undefined : p / 100 })}
      />
      {siblings.length > 1 && (
        <p className={Math.abs(sum - 1) < 1e-9 ? 'hint' : 'hint warn'} role="status">
          Branches of “{source?.label}” add up to {Math.round(sum * 1000) / 10}%.
        </p>
      )}
      <TextField
        label="Condition"
        value={edge.condition ?? ''}
        disabled={readOnly}
        onCommit={(condition) => set('Change condition', { condition: condition || undefined })}
      />
      {!readOnly && (
        <button
          type="button"
          className="danger"
          onClick={() => apply('Delete edge', (d) => deleteElements(d, [], [edge.id]))}
        >
          Delete edge
        </button>
      )}
    </form>
  )
}

function LaneInspector({ laneId, doc }: { laneId: string; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const lane = doc.lanes.find((l) => l.id === laneId)!
  const index = doc.lanes.indexOf(lane)
  const role = doc.roles.find((r) => r.id === lane.roleId)
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={`Lane ${lane.name}`}>
      <h2>Lane: {lane.name}</h2>
      <TextField
        label="Name"
        value={lane.name}
        disabled={readOnly}
        onCommit={(name) => apply('Rename lane', (d) => updateLane(d, lane.id, { name }))}
      />
      <SelectField
        label="Role"
        value={lane.roleId ?? ''}
        options={[{ value: '', label: '— none —' }, ...doc.roles.map((r) => ({ value: r.id, label: r.name }))]}
        disabled={readOnly}
        onChange={(roleId) => apply('Change lane role', (d) => updateLane(d, lane.id, { roleId: roleId || undefined }))}
      />
      {role && (
        <>
          <NumberField
            label={`Headcount of ${role.name}`}
            value={role.headcount}
            min={1}
            integer
            disabled={readOnly}
            onCommit={(h) =>
              h !== undefined && apply('Change headcount', (d) => updateRole(d, role.id, { headcount: h }))
            }
          />
          <NumberField
            label={`Cost per hour${doc.currency ? ` (${doc.currency})` : ''}`}
            value={role.costPerHour}
            min={0}
            optional
            disabled={readOnly}
            onCommit={(c) => apply('Change cost', (d) => updateRole(d, role.id, { costPerHour: c }))}
          />
        </>
      )}
      <div className="button-row">
        <button
          type="button"
          disabled={readOnly || index === 0}
          onClick={() => apply('Move lane up', (d) => moveLane(d, lane.id, -1))}
        >
          Move up
        </button>
        <button
          type="button"
          disabled={readOnly || index === doc.lanes.length - 1}
          onClick={() => apply('Move lane down', (d) => moveLane(d, lane.id, 1))}
        >
          Move down
        </button>
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => apply('Remove lane', (d) => removeLane(d, lane.id))}
        >
          Remove lane
        </button>
      </div>
    </form>
  )
}

function DocumentInspector({ doc }: { doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Process">
      <h2>Process</h2>
      <TextField
        label="Name"
        value={doc.name}
        disabled={readOnly}
        onCommit={(name) => apply('Rename process', (d) => void (d.name = name))}
      />
      <TextField
        label="Description"
        value={doc.description ?? ''}
        multiline
        disabled={readOnly}
        onCommit={(description) =>
          apply('Change description', (d) => {
            if (description) d.description = description
            else delete d.description
          })
        }
      />
      <p className="hint">Select a step, an edge or a lane header to edit it.</p>
    </form>
  )
}
