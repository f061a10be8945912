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
import { formatNumber, useT } from '../i18n/index.js'

/** The time units, named in the UI language. */
export function useUnitOptions(): { value: TimeUnit; label: string }[] {
  const { t } = useT()
  return TIME_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))
}

/** A distribution in words, in the UI language: "Triangular, min 1, mode 2, max 4, hours". */
export function useDescribeDistribution(): (d: Distribution) => string {
  const { t, language } = useT()
  return (d) => {
    const values = d as unknown as Record<string, number>
    const params = DISTRIBUTION_PARAMETERS[d.dist]
      .map((p) => `${t(`distributions.params.${p}`)} ${formatNumber(values[p] ?? 0, language)}`)
      .join(', ')
    return t('distributions.describe', { kind: t(`distributions.${d.dist}`), params, unit: t(`units.${d.unit}`) })
  }
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
  const { t } = useT()
  const unitOptions = useUnitOptions()
  return (
    <div className="field-row align-end">
      <NumberField
        label={props.label}
        value={props.value?.value}
        min={0}
        optional={props.optional ?? true}
        placeholder={t('common.notSet')}
        disabled={props.disabled}
        onCommit={(v) => props.onCommit(v === undefined ? undefined : { value: v, unit })}
      />
      <SelectField<TimeUnit>
        label={t('units.unitOf', { label: props.label })}
        hideLabel
        value={unit}
        options={unitOptions}
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
  const { t } = useT()
  const unitOptions = useUnitOptions()
  return (
    <fieldset className="distribution">
      <legend>{props.label}</legend>
      <div className="field-row">
        <SelectField<DistributionKind>
          label={t('distributions.kindOf', { label: props.label })}
          hideLabel
          value={d?.dist ?? ''}
          options={[
            { value: '', label: props.noneLabel ?? t('common.notSetOption') },
            ...DISTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`distributions.${k}`) })),
          ]}
          disabled={props.disabled}
          onChange={(dist) => props.onCommit(dist === '' ? undefined : convertDistribution(d, dist, unit))}
        />
        <SelectField<TimeUnit>
          label={t('distributions.unitOf', { label: props.label })}
          hideLabel
          value={unit}
          options={unitOptions}
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
                label={t(`distributions.params.${param}`)}
                value={values[param]}
                min={range.min}
                max={range.max}
                validate={(v) => v !== undefined && withParameter(d, param, v) !== undefined}
                invalidMessage={
                  range.max !== undefined
                    ? t('distributions.between', { min: range.min, max: range.max })
                    : range.min > 0
                      ? t('distributions.atLeast', { min: range.min })
                      : t('distributions.notNegative')
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
  const { t } = useT()
  return (
    <div className="qc-list">
      {items.length === 0 && <p className="hint">{t('quality.none')}</p>}
      {items.map((qc, i) => (
        <fieldset key={i} className="qc-card" aria-label={t('quality.item', { number: i + 1 })}>
          <legend>
            <span className="qc-number">{i + 1}</span>
          </legend>
          <span className="row-buttons qc-buttons">
            <button
              type="button"
              aria-label={t('quality.moveUp', { number: i + 1 })}
              disabled={props.disabled || i === 0}
              onClick={() => swap(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t('quality.moveDown', { number: i + 1 })}
              disabled={props.disabled || i === items.length - 1}
              onClick={() => swap(i, i + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t('quality.remove', { number: i + 1 })}
              disabled={props.disabled}
              onClick={() => set(items.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </span>
          <TextField
            label={t('quality.standard')}
            value={qc.standard}
            validate={(v) => v.trim() !== ''}
            invalidMessage={t('quality.standardRequired')}
            disabled={props.disabled}
            onCommit={(v) => change(i, 'standard', v)}
          />
          <TextField
            label={t('quality.measure')}
            value={qc.measure ?? ''}
            placeholder={t('quality.measurePlaceholder')}
            disabled={props.disabled}
            onCommit={(v) => change(i, 'measure', v)}
          />
          <div className="field-row">
            <TextField
              label={t('quality.metric')}
              value={qc.metric ?? ''}
              disabled={props.disabled}
              onCommit={(v) => change(i, 'metric', v)}
            />
            <TextField
              label={t('quality.target')}
              value={qc.target ?? ''}
              disabled={props.disabled}
              onCommit={(v) => change(i, 'target', v)}
            />
          </div>
        </fieldset>
      ))}
      <AddItem
        label={t('quality.add')}
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
  const { t } = useT()
  const set = (next: string[]) => props.onCommit(next.length ? next : undefined)
  const name = (id: string) => props.roles.find((r) => r.id === id)?.name ?? t('approvers.noSuchRole', { id })
  const available = props.roles.filter((r) => !items.includes(r.id))
  const toAdd = available.some((r) => r.id === adding) ? adding : (available[0]?.id ?? '')
  return (
    <div className="approvers">
      {items.length === 0 ? (
        <p className="hint">{t('approvers.none')}</p>
      ) : (
        <ol className="ordered-rows" aria-label={t('approvers.inOrder')}>
          {items.map((id, i) => (
            <li key={`${i}-${id}`}>
              <span className="row-index">{i + 1}</span>
              <span className="row-text">{name(id)}</span>
              <span className="row-buttons">
                <button
                  type="button"
                  aria-label={t('approvers.moveUp', { name: name(id) })}
                  disabled={props.disabled || i === 0}
                  onClick={() => set(items.map((x, j) => (j === i - 1 ? id : j === i ? items[i - 1]! : x)))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('approvers.moveDown', { name: name(id) })}
                  disabled={props.disabled || i === items.length - 1}
                  onClick={() => set(items.map((x, j) => (j === i + 1 ? id : j === i ? items[i + 1]! : x)))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('approvers.remove', { name: name(id) })}
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
          {t('approvers.toAdd')}
        </label>
        <select
          id={addId}
          value={toAdd}
          disabled={props.disabled || available.length === 0}
          onChange={(e) => setAdding(e.target.value)}
        >
          {available.length === 0 && <option value="">{t('approvers.everyRole')}</option>}
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
          {t('approvers.add')}
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
  const { t } = useT()
  return (
    <div className="tags">
      <div className="check-row">
        <CheckboxField
          label={t('tags.core')}
          checked={tags.includes('core')}
          disabled={props.disabled}
          onChange={(on) => commit(on ? [...known, 'core'] : known.filter((t) => t !== 'core'), free)}
        />
        <CheckboxField
          label={t('tags.flexible')}
          checked={tags.includes('flexible')}
          disabled={props.disabled}
          onChange={(on) => commit(on ? [...known, 'flexible'] : known.filter((t) => t !== 'flexible'), free)}
        />
      </div>
      <ListField
        label={t('tags.other')}
        addLabel={t('tags.add')}
        items={free}
        disabled={props.disabled}
        onCommit={(others) => commit(known, others)}
      />
    </div>
  )
}
