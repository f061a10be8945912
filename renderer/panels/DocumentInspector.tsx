import { useState } from 'react'
import {
  CalendarSchema,
  type Calendar,
  type FlowDocument,
  type Role,
  type Simulation,
} from '../../shared/document/index.js'
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
import type { EditorState } from '../app/store.js'
import { DistributionField } from './editors.js'
import { AddItem, NumberField, Section, SelectField, TextField } from './fields.js'
import { useApply } from './inspectorShared.js'
import { formatNumber, useT } from '../i18n/index.js'

const LOCALES = [
  { value: 'en', label: 'English (en)' },
  { value: 'zh-CN', label: '简体中文 (zh-CN)' },
]
const DEFAULT_CALENDAR: Calendar = { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 }

/** The process itself: name, language, currency, working calendar, simulation settings, roles and lanes. */
export function DocumentInspector({ doc }: { doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const store = useEditorStore()
  const { t } = useT()
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
    { value: '', label: t('common.notSetOption') },
    ...LOCALES,
    ...(doc.locale && !LOCALES.some((l) => l.value === doc.locale) ? [{ value: doc.locale, label: doc.locale }] : []),
  ]
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('common.process')}>
      <header className="inspector-title">
        <span className="kind-chip kind-process">{t('common.process')}</span>
        <h2>{doc.name || doc.id}</h2>
        <code className="muted-id" title={t('common.id')}>
          {doc.id}
        </code>
      </header>
      <Section title={t('common.general')}>
        <TextField
          label={t('common.name')}
          value={doc.name}
          disabled={readOnly}
          onCommit={(name) => set('Rename process', { name })}
        />
        <TextField
          label={t('common.description')}
          value={doc.description ?? ''}
          multiline
          disabled={readOnly}
          onCommit={(description) => set('Change description', { description: description || undefined })}
        />
        <div className="field-row">
          <SelectField
            label={t('document.languageOfLabels')}
            value={doc.locale ?? ''}
            options={localeOptions}
            disabled={readOnly}
            onChange={(locale) => set('Change language', { locale: locale || undefined })}
          />
          <TextField
            label={t('document.currency')}
            value={doc.currency ?? ''}
            placeholder={t('common.egCurrency')}
            validate={(v) => v.trim() === '' || /^[A-Z]{3}$/.test(v.trim().toUpperCase())}
            invalidMessage={t('document.currencyInvalid')}
            disabled={readOnly}
            onCommit={(currency) => set('Change currency', { currency: currency.trim().toUpperCase() || undefined })}
          />
        </div>
      </Section>

      <Section title={t('document.calendar')}>
        <div className="radio-row" role="radiogroup" aria-label={t('document.workingTime')}>
          <label>
            <input
              type="radio"
              name="calendar-mode"
              checked={calendar === undefined}
              disabled={readOnly}
              onChange={() => set('Work around the clock', { calendar: undefined })}
            />
            {t('document.allHours')}
          </label>
          <label>
            <input
              type="radio"
              name="calendar-mode"
              checked={calendar !== undefined}
              disabled={readOnly}
              onChange={() => set('Set working hours', { calendar: DEFAULT_CALENDAR })}
            />
            {t('document.workingHours')}
          </label>
        </div>
        {calendar ? (
          <div className="field-row">
            <NumberField
              label={t('document.hoursPerDay')}
              value={calendar.hoursPerDay}
              min={0.25}
              max={24}
              validate={(v) => v !== undefined && calendarOk({ hoursPerDay: v })}
              invalidMessage={t('document.hoursPerDayInvalid', { start: calendar.dayStartsAt })}
              disabled={readOnly}
              onCommit={(v) =>
                v !== undefined && set('Change hours per day', { calendar: calendarWith({ hoursPerDay: v }) })
              }
            />
            <NumberField
              label={t('document.daysPerWeek')}
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
              label={t('document.dayStartsAt')}
              value={calendar.dayStartsAt}
              min={0}
              max={23.75}
              validate={(v) => v !== undefined && calendarOk({ dayStartsAt: v })}
              invalidMessage={t('document.dayStartsAtInvalid', { max: 24 - calendar.hoursPerDay })}
              disabled={readOnly}
              onCommit={(v) =>
                v !== undefined && set('Change day start', { calendar: calendarWith({ dayStartsAt: v }) })
              }
            />
          </div>
        ) : (
          <p className="hint">{t('document.allHoursHint')}</p>
        )}
      </Section>

      <Section title={t('document.simulation')}>
        <DistributionField
          label={t('node.timeBetweenCases')}
          value={simulation.arrivals}
          noneLabel={t('common.notSetOption')}
          hint={t('document.arrivalsHint')}
          disabled={readOnly}
          onCommit={(arrivals) => setSimulation('Change arrivals', { arrivals })}
        />
        <div className="field-row">
          <NumberField
            label={t('document.cases')}
            value={simulation.cases}
            min={1}
            integer
            optional
            placeholder={t('common.default')}
            disabled={readOnly}
            onCommit={(cases) => setSimulation('Change cases', { cases })}
          />
          <NumberField
            label={t('document.seed')}
            value={simulation.seed}
            integer
            optional
            placeholder={t('document.random')}
            disabled={readOnly}
            onCommit={(seed) => setSimulation('Change seed', { seed })}
          />
          <NumberField
            label={t('document.warmup')}
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

      <Section title={t('document.lanes', { count: doc.lanes.length })}>
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
              const id = apply('Add lane', (d) => addLane(d, t('document.newLaneName', { number: d.lanes.length + 1 })))
              if (id) store.getState().select({ nodes: [], edges: [], lane: id })
            }}
          >
            {t('document.addLane')}
          </button>
        </div>
      </Section>
      <p className="hint">{t('document.selectHint')}</p>
    </form>
  )
}

/** What still names a role, in the UI language (shared roleUsage says whether, in English). */
function describeUses(doc: FlowDocument, roleId: string, t: ReturnType<typeof useT>['t']): string[] {
  const uses: string[] = []
  for (const node of doc.nodes) {
    if (node.owner === roleId) uses.push(t('role.useOwner', { label: node.label || node.id }))
    if (node.approvers?.includes(roleId)) uses.push(t('role.useApprover', { label: node.label || node.id }))
  }
  for (const lane of doc.lanes) if (lane.roleId === roleId) uses.push(t('role.useLane', { name: lane.name || lane.id }))
  return uses
}

/** Roles: name, headcount and cost per hour each; a role still in use cannot be removed. */
function RolesSection({ doc }: { doc: FlowDocument }) {
  const { apply, readOnly } = useApply()
  const [refusal, setRefusal] = useState<string | null>(null)
  const { t } = useT()
  return (
    <Section title={t('role.section', { count: doc.roles.length })}>
      {doc.roles.length === 0 && <p className="hint">{t('role.none')}</p>}
      <ul className="role-list">
        {doc.roles.map((role) => (
          <li key={role.id} className="role-card" aria-label={t('role.formLabel', { name: role.name })}>
            <div className="field-row align-end">
              <TextField
                label={t('common.name')}
                value={role.name}
                disabled={readOnly}
                onCommit={(name) => apply('Rename role', (d) => void updateRole(d, role.id, { name }))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('role.removeNamed', { name: role.name })}
                title={t('role.remove')}
                disabled={readOnly}
                onClick={() => {
                  const uses = roleUsage(doc, role.id).length ? describeUses(doc, role.id, t) : []
                  if (uses.length > 0) {
                    const shown = uses.slice(0, 3).join(', ')
                    setRefusal(
                      uses.length > 3
                        ? t('role.inUseMore', { name: role.name, uses: shown, count: uses.length - 3 })
                        : t('role.inUse', { name: role.name, uses: shown }),
                    )
                    return
                  }
                  setRefusal(null)
                  apply('Remove role', (d) => void removeRole(d, role.id))
                }}
              >
                ✕
              </button>
            </div>
            <RoleCapacityFields role={role} currency={doc.currency} readOnly={readOnly} apply={apply} />
          </li>
        ))}
      </ul>
      {refusal && (
        <p className="hint warn" role="alert">
          {refusal}
        </p>
      )}
      <AddItem
        label={t('role.newName')}
        buttonLabel={t('role.add')}
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
  const { t, language } = useT()
  return (
    <form
      className="inspector-form"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('lane.formLabel', { name: lane.name })}
    >
      <header className="inspector-title">
        <span className="kind-chip kind-lane">{t('common.lane')}</span>
        <h2>{lane.name || lane.id}</h2>
        <code className="muted-id" title={t('common.id')}>
          {lane.id}
        </code>
      </header>
      <Section title={t('common.general')}>
        <TextField
          label={t('common.name')}
          value={lane.name}
          fieldKey="label"
          disabled={readOnly}
          onCommit={(name) => apply('Rename lane', (d) => void updateLane(d, lane.id, { name }))}
        />
        <div className="field-row">
          <SelectField
            label={t('common.role')}
            value={lane.roleId ?? ''}
            options={[
              { value: '', label: t('common.none') },
              ...doc.roles.map((r) => ({ value: r.id, label: r.name })),
            ]}
            disabled={readOnly}
            onChange={(roleId) =>
              apply('Change lane role', (d) => void updateLane(d, lane.id, { roleId: roleId || undefined }))
            }
          />
          <NumberField
            label={t('lane.height')}
            value={lane.height ?? 200}
            min={60}
            max={5000}
            integer
            suffix="px"
            disabled={readOnly}
            onCommit={(h) => h !== undefined && apply('Resize lane', (d) => resizeLane(d, lane.id, h))}
          />
        </div>
        <p className="hint">{t('lane.steps', { count: steps, formattedCount: formatNumber(steps, language) })}</p>
      </Section>
      {role && (
        <Section title={t('role.sectionOf', { name: role.name })}>
          <RoleCapacityFields role={role} currency={doc.currency} readOnly={readOnly} apply={apply} />
        </Section>
      )}
      <Section title={t('lane.order')}>
        <div className="button-row">
          <button
            type="button"
            disabled={readOnly || index === 0}
            onClick={() => apply('Move lane up', (d) => moveLane(d, lane.id, -1))}
          >
            {t('lane.moveUp')}
          </button>
          <button
            type="button"
            disabled={readOnly || index === doc.lanes.length - 1}
            onClick={() => apply('Move lane down', (d) => moveLane(d, lane.id, 1))}
          >
            {t('lane.moveDown')}
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
            {t('lane.remove')}
          </button>
        </div>
      )}
    </form>
  )
}

/** A role's headcount and hourly cost: the same two fields wherever a role is edited. */
export function RoleCapacityFields({
  role,
  currency,
  readOnly,
  apply,
}: {
  role: Role
  currency: string | undefined
  readOnly: boolean
  apply: EditorState['apply']
}) {
  const { t } = useT()
  return (
    <div className="field-row">
      <NumberField
        label={t('common.headcount')}
        value={role.headcount}
        min={1}
        integer
        disabled={readOnly}
        onCommit={(h) =>
          h !== undefined && apply('Change headcount', (d) => void updateRole(d, role.id, { headcount: h }))
        }
      />
      <NumberField
        label={t('common.costPerHour')}
        value={role.costPerHour}
        min={0}
        optional
        suffix={currency ?? ''}
        placeholder={t('common.notSet')}
        disabled={readOnly}
        onCommit={(c) => apply('Change cost', (d) => void updateRole(d, role.id, { costPerHour: c }))}
      />
    </div>
  )
}
