import { useState } from 'react'
import { CalendarSchema, type Calendar, type FlowDocument, type Simulation } from '../../shared/document/index.js'
import {
  addLane,
  addRole,
  moveLane,
  removeLane,
  removeRole,
  resizeLane,
  roleUsage,
  updateDocument,
  updateLane,
  updateRole,
  type DocumentFields,
} from '../../shared/edit/operations.js'
import { useEditorStore } from '../app/EditorContext.js'
import { DistributionField } from './editors.js'
import { AddItem, NumberField, Section, SelectField, TextField } from './fields.js'
import { useApply } from './inspectorShared.js'

const LOCALES = [
  { value: 'en', label: 'English (en)' },
  { value: 'zh-CN', label: '简体中文 (zh-CN)' },
]
const DEFAULT_CALENDAR: Calendar = { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 }

/** The process itself: name, language, currency, working calendar, simulation settings, roles and lanes. */
export function DocumentInspector({ doc }: { doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const store = useEditorStore()
  const set = (label: string, fields: DocumentFields) => apply(label, (d) => void updateDocument(d, fields))
  const calendar = doc.calendar
  const calendarWith = (patch: Partial<Calendar>) => ({ ...(calendar ?? DEFAULT_CALENDAR), ...patch })
  const calendarOk = (patch: Partial<Calendar>) => CalendarSchema.safeParse(calendarWith(patch)).success
  const simulation = doc.simulation ?? {}
  const setSimulation = (label: string, patch: Partial<Simulation>) => {
    const next: Record<string, unknown> = { ...simulation, ...patch }
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key]
    set(label, { simulation: Object.keys(next).length ? next : undefined })
  }
  const localeOptions = [
    { value: '', label: 'Not set' },
    ...LOCALES,
    ...(doc.locale && !LOCALES.some((l) => l.value === doc.locale) ? [{ value: doc.locale, label: doc.locale }] : []),
  ]
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Process">
      <header className="inspector-title">
        <span className="kind-chip kind-process">Process</span>
        <h2>{doc.name || doc.id}</h2>
        <code className="muted-id" title="Id">
          {doc.id}
        </code>
      </header>
      <Section title="General">
        <TextField
          label="Name"
          value={doc.name}
          disabled={readOnly}
          onCommit={(name) => set('Rename process', { name })}
        />
        <TextField
          label="Description"
          value={doc.description ?? ''}
          multiline
          disabled={readOnly}
          onCommit={(description) => set('Change description', { description: description || undefined })}
        />
        <div className="field-row">
          <SelectField
            label="Language of the labels"
            value={doc.locale ?? ''}
            options={localeOptions}
            disabled={readOnly}
            onChange={(locale) => set('Change language', { locale: locale || undefined })}
          />
          <TextField
            label="Currency"
            value={doc.currency ?? ''}
            placeholder="e.g. CNY"
            validate={(v) => v.trim() === '' || /^[A-Z]{3}$/.test(v.trim().toUpperCase())}
            invalidMessage="An ISO 4217 code: three letters such as CNY, USD or EUR."
            disabled={readOnly}
            onCommit={(currency) => set('Change currency', { currency: currency.trim().toUpperCase() || undefined })}
          />
        </div>
      </Section>

      <Section title="Working calendar">
        <div className="radio-row" role="radiogroup" aria-label="Working time">
          <label>
            <input
              type="radio"
              name="calendar-mode"
              checked={calendar === undefined}
              disabled={readOnly}
              onChange={() => set('Work around the clock', { calendar: undefined })}
            />
            24/7
          </label>
          <label>
            <input
              type="radio"
              name="calendar-mode"
              checked={calendar !== undefined}
              disabled={readOnly}
              onChange={() => set('Set working hours', { calendar: DEFAULT_CALENDAR })}
            />
            Working hours
          </label>
        </div>
        {calendar ? (
          <div className="field-row">
            <NumberField
              label="Hours per day"
              value={calendar.hoursPerDay}
              min={0.25}
              max={24}
              validate={(v) => v !== undefined && calendarOk({ hoursPerDay: v })}
              invalidMessage={`Above 0, and the day must end by midnight (it starts at ${calendar.dayStartsAt}).`}
              disabled={readOnly}
              onCommit={(v) =>
                v !== undefined && set('Change hours per day', { calendar: calendarWith({ hoursPerDay: v }) })
              }
            />
            <NumberField
              label="Days per week"
              value={calendar.daysPerWeek}
              min={1}
              max={7}
              integer
              disabled={readOnly}
              onCommit={(v) =>
                v !== undefined && set('Change days per week', { calendar: calendarWith({ daysPerWeek: v }) })
              }
            />
            <NumberField
              label="Day starts at"
              value={calendar.dayStartsAt}
              min={0}
              max={23.75}
              validate={(v) => v !== undefined && calendarOk({ dayStartsAt: v })}
              invalidMessage={`From 0 to ${24 - calendar.hoursPerDay}, so the day ends by midnight.`}
              disabled={readOnly}
              onCommit={(v) =>
                v !== undefined && set('Change day start', { calendar: calendarWith({ dayStartsAt: v }) })
              }
            />
          </div>
        ) : (
          <p className="hint">Every hour is working time; a workday is 8 hours.</p>
        )}
      </Section>

      <Section title="Simulation">
        <DistributionField
          label="Time between new cases"
          value={simulation.arrivals}
          noneLabel="Not set"
          hint="Start steps without their own arrivals need this to be simulated."
          disabled={readOnly}
          onCommit={(arrivals) => setSimulation('Change arrivals', { arrivals })}
        />
        <div className="field-row">
          <NumberField
            label="Cases"
            value={simulation.cases}
            min={1}
            integer
            optional
            placeholder="default"
            disabled={readOnly}
            onCommit={(cases) => setSimulation('Change cases', { cases })}
          />
          <NumberField
            label="Seed"
            value={simulation.seed}
            integer
            optional
            placeholder="random"
            disabled={readOnly}
            onCommit={(seed) => setSimulation('Change seed', { seed })}
          />
          <NumberField
            label="Warm-up cases"
            value={simulation.warmupCases}
            min={0}
            integer
            optional
            placeholder="0"
            disabled={readOnly}
            onCommit={(warmupCases) => setSimulation('Change warm-up', { warmupCases })}
          />
        </div>
      </Section>

      <RolesSection doc={doc} />

      <Section title={`Lanes (${doc.lanes.length})`}>
        {doc.lanes.length > 0 && (
          <ul className="plain-list">
            {doc.lanes.map((lane) => (
              <li key={lane.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => store.getState().select({ nodes: [], edges: [], lane: lane.id })}
                >
                  {lane.name || lane.id}
                </button>
                <span className="muted">{doc.roles.find((r) => r.id === lane.roleId)?.name ?? ''}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button
            type="button"
            disabled={readOnly}
            onClick={() => {
              const id = apply('Add lane', (d) => addLane(d, `Lane ${d.lanes.length + 1}`))
              if (id) store.getState().select({ nodes: [], edges: [], lane: id })
            }}
          >
            Add lane
          </button>
        </div>
      </Section>
      <p className="hint">Select a step, an edge or a lane header to edit it.</p>
    </form>
  )
}

/** Roles: name, headcount and cost per hour each; a role still in use cannot be removed. */
function RolesSection({ doc }: { doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const [refusal, setRefusal] = useState<string | null>(null)
  return (
    <Section title={`Roles (${doc.roles.length})`}>
      {doc.roles.length === 0 && <p className="hint">No roles yet: add who does the work.</p>}
      <ul className="role-list">
        {doc.roles.map((role) => (
          <li key={role.id} className="role-card" aria-label={`Role ${role.name}`}>
            <div className="field-row align-end">
              <TextField
                label="Name"
                value={role.name}
                disabled={readOnly}
                onCommit={(name) => apply('Rename role', (d) => void updateRole(d, role.id, { name }))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove role ${role.name}`}
                title="Remove role"
                disabled={readOnly}
                onClick={() => {
                  const uses = roleUsage(doc, role.id)
                  if (uses.length > 0) {
                    const shown = uses.slice(0, 3).join(', ')
                    const more = uses.length > 3 ? ` and ${uses.length - 3} more` : ''
                    setRefusal(`“${role.name}” is still in use: ${shown}${more}. Reassign those first.`)
                    return
                  }
                  setRefusal(null)
                  apply('Remove role', (d) => void removeRole(d, role.id))
                }}
              >
                ✕
              </button>
            </div>
            <div className="field-row">
              <NumberField
                label="Headcount"
                value={role.headcount}
                min={1}
                integer
                disabled={readOnly}
                onCommit={(h) =>
                  h !== undefined && apply('Change headcount', (d) => void updateRole(d, role.id, { headcount: h }))
                }
              />
              <NumberField
                label="Cost per hour"
                value={role.costPerHour}
                min={0}
                optional
                suffix={doc.currency ?? ''}
                placeholder="not set"
                disabled={readOnly}
                onCommit={(c) => apply('Change cost', (d) => void updateRole(d, role.id, { costPerHour: c }))}
              />
            </div>
          </li>
        ))}
      </ul>
      {refusal && (
        <p className="hint warn" role="alert">
          {refusal}
        </p>
      )}
      <AddItem
        label="New role name"
        buttonLabel="Add role"
        disabled={readOnly}
        onAdd={(name) => {
          setRefusal(null)
          apply('Add role', (d) => addRole(d, name.trim()))
        }}
      />
    </Section>
  )
}

/** A lane: name, role (and that role's headcount and cost), height, order. */
export function LaneInspector({ laneId, doc }: { laneId: string; doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const store = useEditorStore()
  const lane = doc.lanes.find((l) => l.id === laneId)!
  const index = doc.lanes.indexOf(lane)
  const role = doc.roles.find((r) => r.id === lane.roleId)
  const steps = doc.nodes.filter((n) => n.laneId === lane.id).length
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={`Lane ${lane.name}`}>
      <header className="inspector-title">
        <span className="kind-chip kind-lane">Lane</span>
        <h2>{lane.name || lane.id}</h2>
        <code className="muted-id" title="Id">
          {lane.id}
        </code>
      </header>
      <Section title="General">
        <TextField
          label="Name"
          value={lane.name}
          fieldKey="label"
          disabled={readOnly}
          onCommit={(name) => apply('Rename lane', (d) => void updateLane(d, lane.id, { name }))}
        />
        <div className="field-row">
          <SelectField
            label="Role"
            value={lane.roleId ?? ''}
            options={[{ value: '', label: 'None' }, ...doc.roles.map((r) => ({ value: r.id, label: r.name }))]}
            disabled={readOnly}
            onChange={(roleId) =>
              apply('Change lane role', (d) => void updateLane(d, lane.id, { roleId: roleId || undefined }))
            }
          />
          <NumberField
            label="Height"
            value={lane.height ?? 200}
            min={60}
            max={5000}
            integer
            suffix="px"
            disabled={readOnly}
            onCommit={(h) => h !== undefined && apply('Resize lane', (d) => resizeLane(d, lane.id, h))}
          />
        </div>
        <p className="hint">
          {steps} step{steps === 1 ? '' : 's'} in this lane.
        </p>
      </Section>
      {role && (
        <Section title={`Role: ${role.name}`}>
          <div className="field-row">
            <NumberField
              label="Headcount"
              value={role.headcount}
              min={1}
              integer
              disabled={readOnly}
              onCommit={(h) =>
                h !== undefined && apply('Change headcount', (d) => void updateRole(d, role.id, { headcount: h }))
              }
            />
            <NumberField
              label="Cost per hour"
              value={role.costPerHour}
              min={0}
              optional
              suffix={doc.currency ?? ''}
              placeholder="not set"
              disabled={readOnly}
              onCommit={(c) => apply('Change cost', (d) => void updateRole(d, role.id, { costPerHour: c }))}
            />
          </div>
        </Section>
      )}
      <Section title="Order">
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
        </div>
      </Section>
      {!readOnly && (
        <div className="button-row end">
          <button
            type="button"
            className="danger"
            onClick={() => {
              apply('Remove lane', (d) => removeLane(d, lane.id))
              store.getState().select({ nodes: [], edges: [] })
            }}
          >
            Remove lane
          </button>
        </div>
      )}
    </form>
  )
}
