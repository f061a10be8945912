/** Inspector editors for the compound values of the file format: durations, distributions, quality controls, approvers, tags. */
import { useId, useState } from 'react'
import type { Distribution, Duration, QualityControl, Role, TimeUnit } from '../../shared/document/index.js'
import { DISTRIBUTION_KINDS, TIME_UNITS } from '../../shared/document/index.js'
import {
  convertDistribution,
  DISTRIBUTION_PARAMETERS,
  parameterRange,
  withParameter,
  type DistributionKind,
} from '../../shared/edit/distributions.js'
import { AddItem, CheckboxField, ListField, NumberField, SelectField, TextField } from './fields.js'

const UNIT_LABELS: Record<TimeUnit, string> = {
  minute: 'minutes',
  hour: 'hours',
  workday: 'workdays',
  day: 'days (elapsed)',
  week: 'weeks (elapsed)',
}
export const UNIT_OPTIONS = TIME_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))

const DIST_LABELS: Record<DistributionKind, string> = {
  fixed: 'Fixed',
  uniform: 'Uniform (min–max)',
  triangular: 'Triangular',
  pert: 'PERT',
  normal: 'Normal',
  lognormal: 'Log-normal',
  exponential: 'Exponential',
}

/** A value and a unit; an empty value removes the duration. */
export function DurationField(props: {
  label: string
  value: Duration | undefined
  onCommit: (value: Duration | undefined) => void
  disabled: boolean
  optional?: boolean
  defaultUnit?: TimeUnit
}) {
  const unit = props.value?.unit ?? props.defaultUnit ?? 'workday'
  return (
    <div className="field-row align-end">
      <NumberField
        label={props.label}
        value={props.value?.value}
        min={0}
        optional={props.optional ?? true}
        placeholder="not set"
        disabled={props.disabled}
        onCommit={(v) => props.onCommit(v === undefined ? undefined : { value: v, unit })}
      />
      <SelectField<TimeUnit>
        label={`${props.label} unit`}
        hideLabel
        value={unit}
        options={UNIT_OPTIONS}
        disabled={props.disabled || !props.value}
        onChange={(u) => props.value && props.onCommit({ value: props.value.value, unit: u || unit })}
      />
    </div>
  )
}

/**
 * A distribution: its kind, unit and parameters. A parameter that would contradict the
 * others (min above mode, …) is refused in the field, so the document stays loadable.
 */
export function DistributionField(props: {
  label: string
  value: Distribution | undefined
  onCommit: (value: Distribution | undefined) => void
  disabled: boolean
  /** What "no distribution" means here, e.g. "Simulation default". */
  noneLabel?: string
  hint?: string
}) {
  const d = props.value
  const unit = d?.unit ?? 'hour'
  const values = (d ?? {}) as Record<string, number>
  return (
    <fieldset className="distribution">
      <legend>{props.label}</legend>
      <div className="field-row">
        <SelectField<DistributionKind>
          label={`${props.label}: distribution`}
          hideLabel
          value={d?.dist ?? ''}
          options={[
            { value: '', label: props.noneLabel ?? 'Not set' },
            ...DISTRIBUTION_KINDS.map((k) => ({ value: k, label: DIST_LABELS[k] })),
          ]}
          disabled={props.disabled}
          onChange={(dist) => props.onCommit(dist === '' ? undefined : convertDistribution(d, dist, unit))}
        />
        <SelectField<TimeUnit>
          label={`${props.label}: unit`}
          hideLabel
          value={unit}
          options={UNIT_OPTIONS}
          disabled={props.disabled || !d}
          onChange={(u) => d && props.onCommit({ ...d, unit: u || unit })}
        />
      </div>
      {d ? (
        <div className="field-row params">
          {DISTRIBUTION_PARAMETERS[d.dist].map((param) => {
            const range = parameterRange(d, param)
            return (
              <NumberField
                key={`${d.dist}-${param}`}
                label={param}
                value={values[param]}
                min={range.min}
                max={range.max}
                validate={(v) => v !== undefined && withParameter(d, param, v) !== undefined}
                invalidMessage={
                  range.max !== undefined
                    ? `From ${range.min} to ${range.max}.`
                    : range.min > 0
                      ? `At least ${range.min}.`
                      : 'Not negative.'
                }
                disabled={props.disabled}
                onCommit={(v) => {
                  const next = v === undefined ? undefined : withParameter(d, param, v)
                  if (next) props.onCommit(next)
                }}
              />
            )
          })}
        </div>
      ) : (
        props.hint && <p className="hint">{props.hint}</p>
      )}
    </fieldset>
  )
}

/** Quality controls: standard (required), measure, metric and target each; add, remove, reorder. */
export function QualityControlsField(props: {
  value: readonly QualityControl[]
  onCommit: (value: QualityControl[] | undefined) => void
  disabled: boolean
}) {
  const items = props.value
  const set = (next: QualityControl[]) => props.onCommit(next.length ? next : undefined)
  const change = (i: number, key: keyof QualityControl, text: string) => {
    const copy: Record<string, string | undefined> = { ...items[i]! }
    if (text.trim() === '' && key !== 'standard') delete copy[key]
    else copy[key] = text.trim()
    set(items.map((q, j) => (j === i ? (copy as QualityControl) : q)))
  }
  const swap = (i: number, j: number) => set(items.map((q, k) => (k === i ? items[j]! : k === j ? items[i]! : q)))
  return (
    <div className="qc-list">
      {items.length === 0 && <p className="hint">No quality controls yet.</p>}
      {items.map((qc, i) => (
        <fieldset key={i} className="qc-card" aria-label={`Quality control ${i + 1}`}>
          <legend>
            <span className="qc-number">{i + 1}</span>
          </legend>
          <span className="row-buttons qc-buttons">
            <button
              type="button"
              aria-label={`Move quality control ${i + 1} up`}
              disabled={props.disabled || i === 0}
              onClick={() => swap(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move quality control ${i + 1} down`}
              disabled={props.disabled || i === items.length - 1}
              onClick={() => swap(i, i + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove quality control ${i + 1}`}
              disabled={props.disabled}
              onClick={() => set(items.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </span>
          <TextField
            label="Standard"
            value={qc.standard}
            validate={(v) => v.trim() !== ''}
            invalidMessage="A quality control needs a standard."
            disabled={props.disabled}
            onCommit={(v) => change(i, 'standard', v)}
          />
          <TextField
            label="Measure"
            value={qc.measure ?? ''}
            placeholder="how it is checked"
            disabled={props.disabled}
            onCommit={(v) => change(i, 'measure', v)}
          />
          <div className="field-row">
            <TextField
              label="Metric"
              value={qc.metric ?? ''}
              disabled={props.disabled}
              onCommit={(v) => change(i, 'metric', v)}
            />
            <TextField
              label="Target"
              value={qc.target ?? ''}
              disabled={props.disabled}
              onCommit={(v) => change(i, 'target', v)}
            />
          </div>
        </fieldset>
      ))}
      <AddItem
        label="Add a quality standard"
        disabled={props.disabled}
        onAdd={(standard) => set([...items, { standard: standard.trim() }])}
      />
    </div>
  )
}

/** The roles that sign off an approval, in order: add, remove, reorder. */
export function ApproversField(props: {
  value: readonly string[]
  roles: readonly Role[]
  onCommit: (value: string[] | undefined) => void
  disabled: boolean
}) {
  const items = props.value
  const [adding, setAdding] = useState('')
  const addId = useId()
  const set = (next: string[]) => props.onCommit(next.length ? next : undefined)
  const name = (id: string) => props.roles.find((r) => r.id === id)?.name ?? `${id} (no such role)`
  const available = props.roles.filter((r) => !items.includes(r.id))
  const toAdd = available.some((r) => r.id === adding) ? adding : (available[0]?.id ?? '')
  return (
    <div className="approvers">
      {items.length === 0 ? (
        <p className="hint">No approvers: the owner reviews.</p>
      ) : (
        <ol className="ordered-rows" aria-label="Approvers in order">
          {items.map((id, i) => (
            <li key={`${i}-${id}`}>
              <span className="row-index">{i + 1}</span>
              <span className="row-text">{name(id)}</span>
              <span className="row-buttons">
                <button
                  type="button"
                  aria-label={`Move approver ${name(id)} up`}
                  disabled={props.disabled || i === 0}
                  onClick={() => set(items.map((x, j) => (j === i - 1 ? id : j === i ? items[i - 1]! : x)))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move approver ${name(id)} down`}
                  disabled={props.disabled || i === items.length - 1}
                  onClick={() => set(items.map((x, j) => (j === i + 1 ? id : j === i ? items[i + 1]! : x)))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Remove approver ${name(id)}`}
                  disabled={props.disabled}
                  onClick={() => set(items.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="add-item">
        <label htmlFor={addId} className="visually-hidden">
          Approver to add
        </label>
        <select
          id={addId}
          value={toAdd}
          disabled={props.disabled || available.length === 0}
          onChange={(e) => setAdding(e.target.value)}
        >
          {available.length === 0 && <option value="">Every role approves</option>}
          {available.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={props.disabled || toAdd === ''}
          onClick={() => {
            set([...items, toAdd])
            setAdding('')
          }}
        >
          Add approver
        </button>
      </div>
    </div>
  )
}

const KNOWN_TAGS = ['core', 'flexible'] as const

/** Tags: `core` and `flexible` as switches, any other tag as a free list. */
export function TagsField(props: {
  value: readonly string[]
  onCommit: (value: string[] | undefined) => void
  disabled: boolean
}) {
  const tags = props.value
  const free = tags.filter((t) => !(KNOWN_TAGS as readonly string[]).includes(t))
  const commit = (known: readonly string[], others: readonly string[]) => {
    const next = [...KNOWN_TAGS.filter((t) => known.includes(t)), ...others]
    props.onCommit(next.length ? [...new Set(next)] : undefined)
  }
  const known = KNOWN_TAGS.filter((t) => tags.includes(t))
  return (
    <div className="tags">
      <div className="check-row">
        <CheckboxField
          label="Core (must be standardised)"
          checked={tags.includes('core')}
          disabled={props.disabled}
          onChange={(on) => commit(on ? [...known, 'core'] : known.filter((t) => t !== 'core'), free)}
        />
        <CheckboxField
          label="Flexible"
          checked={tags.includes('flexible')}
          disabled={props.disabled}
          onChange={(on) => commit(on ? [...known, 'flexible'] : known.filter((t) => t !== 'flexible'), free)}
        />
      </div>
      <ListField
        label="Other tags"
        addLabel="Add a tag"
        items={free}
        disabled={props.disabled}
        onCommit={(others) => commit(known, others)}
      />
    </div>
  )
}
