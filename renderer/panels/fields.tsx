import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { t as translate, useT } from '../i18n/index.js'

/**
 * A text field that changes the document once, when the user is done (Enter or leaving the
 * field), so a typed label is one undo step; Escape puts the old value back.
 */
export function TextField(props: {
  label: string
  value: string
  onCommit: (value: string) => void
  multiline?: boolean
  placeholder?: string
  disabled?: boolean | undefined
  /** Refuses a value: the field shows it as invalid and puts the old one back when left. */
  validate?: (value: string) => boolean
  /** Shown under the field while the typed value is refused. */
  invalidMessage?: string
  /** Marks the input (`data-field`) so commands can focus it. */
  fieldKey?: string
  hideLabel?: boolean
}) {
  const id = useId()
  const [draft, setDraft] = useState(props.value)
  useEffect(() => setDraft(props.value), [props.value])
  const valid = props.validate ? props.validate(draft) : true
  // Enter keeps a refused value on screen with its message; leaving the field puts the old one back.
  const commit = (leaving: boolean) => {
    if (!valid) {
      if (leaving) setDraft(props.value)
      return
    }
    if (draft !== props.value) props.onCommit(draft)
  }
  const common = {
    id,
    value: draft,
    placeholder: props.placeholder,
    disabled: props.disabled,
    'aria-invalid': !valid,
    'data-field': props.fieldKey,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => commit(true),
  }
  return (
    <div className="field">
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onKeyDown={(e) => e.key === 'Escape' && setDraft(props.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(false)
            if (e.key === 'Escape') setDraft(props.value)
          }}
        />
      )}
      {!valid && props.invalidMessage && <span className="field-error">{props.invalidMessage}</span>}
    </div>
  )
}

/** A number field with a range; an empty field means "not set" where `optional`. */
export function NumberField(props: {
  label: string
  value: number | undefined
  onCommit: (value: number | undefined) => void
  min?: number | undefined
  max?: number | undefined
  step?: number
  integer?: boolean
  optional?: boolean
  suffix?: ReactNode
  disabled?: boolean | undefined
  /** A further check beyond the range (e.g. a calendar day must end by midnight). */
  validate?: (value: number | undefined) => boolean
  /** Says what is wrong while the typed value is refused; defaults to the range. */
  invalidMessage?: string
  placeholder?: string
  hideLabel?: boolean
}) {
  const id = useId()
  const [draft, setDraft] = useState(props.value === undefined ? '' : String(props.value))
  useEffect(() => setDraft(props.value === undefined ? '' : String(props.value)), [props.value])
  const parsed = draft.trim() === '' ? undefined : Number(draft)
  const valid =
    (parsed === undefined
      ? props.optional === true
      : Number.isFinite(parsed) &&
        (props.min === undefined || parsed >= props.min) &&
        (props.max === undefined || parsed <= props.max) &&
        (!props.integer || Number.isInteger(parsed))) &&
    (props.validate === undefined || props.validate(parsed))
  const commit = (leaving: boolean) => {
    if (!valid) {
      if (leaving) setDraft(props.value === undefined ? '' : String(props.value))
      return
    }
    if (parsed !== props.value) props.onCommit(parsed)
  }
  return (
    <div className="field">
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <span className="with-suffix">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={draft}
          min={props.min}
          max={props.max}
          step={props.step ?? (props.integer ? 1 : 'any')}
          aria-invalid={!valid}
          placeholder={props.placeholder}
          disabled={props.disabled}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(false)
            if (e.key === 'Escape') setDraft(props.value === undefined ? '' : String(props.value))
          }}
        />
        {props.suffix !== undefined && <span className="suffix">{props.suffix}</span>}
      </span>
      {!valid && (
        <span className="field-error" role="alert">
          {props.invalidMessage ?? rangeMessage(props)}
        </span>
      )}
    </div>
  )
}

function rangeMessage(props: {
  min?: number | undefined
  max?: number | undefined
  integer?: boolean
  optional?: boolean
}) {
  const t = translate
  const what = props.integer ? t('fields.wholeNumber') : t('fields.number')
  const { min, max } = props
  if (min !== undefined && max !== undefined) return t('fields.range', { what, min, max })
  if (min !== undefined) return t('fields.atLeast', { what, min })
  if (max !== undefined) return t('fields.atMost', { what, max })
  return props.optional ? t('fields.orEmpty', { what }) : t('fields.plain', { what })
}

export function SelectField<T extends string>(props: {
  label: string
  value: T | ''
  options: readonly { value: T | ''; label: string }[]
  onChange: (value: T | '') => void
  disabled?: boolean | undefined
  hideLabel?: boolean
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as T | '')}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** An ordered list of short texts (operating steps, tools): edit, add, remove, reorder. */
export function ListField(props: {
  label: string
  items: readonly string[]
  onCommit: (items: string[]) => void
  addLabel: string
  disabled?: boolean | undefined
  /** When a section heading already names the list. */
  hideLegend?: boolean
}) {
  const { items } = props
  const { t } = useT()
  const set = (next: string[]) => props.onCommit(next.map((s) => s.trim()).filter((s) => s !== ''))
  return (
    <fieldset className="list-field">
      <legend className={props.hideLegend ? 'visually-hidden' : undefined}>{props.label}</legend>
      <ol>
        {items.map((item, i) => (
          <li key={`${i}-${item}`}>
            <TextField
              label={t('fields.item', { list: props.label, number: i + 1 })}
              value={item}
              onCommit={(v) => set(items.map((x, j) => (j === i ? v : x)))}
              disabled={props.disabled}
              hideLabel
            />
            <span className="row-buttons">
              <button
                type="button"
                aria-label={t('fields.moveItemUp', { list: props.label, number: i + 1 })}
                disabled={i === 0 || props.disabled}
                onClick={() => set(items.map((x, j) => (j === i - 1 ? items[i]! : j === i ? items[i - 1]! : x)))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('fields.moveItemDown', { list: props.label, number: i + 1 })}
                disabled={i === items.length - 1 || props.disabled}
                onClick={() => set(items.map((x, j) => (j === i + 1 ? items[i]! : j === i ? items[i + 1]! : x)))}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('fields.removeItem', { list: props.label, number: i + 1 })}
                disabled={props.disabled}
                onClick={() => set(items.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <AddItem label={props.addLabel} onAdd={(v) => set([...items, v])} disabled={props.disabled} />
    </fieldset>
  )
}

export function AddItem(props: {
  label: string
  onAdd: (value: string) => void
  disabled?: boolean | undefined
  /** The button's text; a bare "+" (named by `label`) when absent. */
  buttonLabel?: string
}) {
  const [value, setValue] = useState('')
  const id = useId()
  const add = () => {
    if (value.trim() === '') return
    props.onAdd(value)
    setValue('')
  }
  return (
    <div className="add-item">
      <label htmlFor={id} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={props.label}
        disabled={props.disabled}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <button
        type="button"
        onClick={add}
        disabled={props.disabled || value.trim() === ''}
        aria-label={props.buttonLabel ? undefined : props.label}
      >
        {props.buttonLabel ?? '+'}
      </button>
    </div>
  )
}

/** A yes/no switch as a checkbox with its label beside it. */
export function CheckboxField(props: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean | undefined
}) {
  const id = useId()
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  )
}

/**
 * A `#rrggbb` colour: the native picker changes the document once, when the picker closes
 * (its `change` event), not on every move; Reset removes the colour.
 */
export function ColorField(props: {
  label: string
  value: string | undefined
  fallback: string
  onCommit: (value: string | undefined) => void
  disabled?: boolean | undefined
}) {
  const id = useId()
  const { t } = useT()
  const input = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState(props.value ?? props.fallback)
  useEffect(() => setDraft(props.value ?? props.fallback), [props.value, props.fallback])
  const commitRef = useRef<(value: string) => void>(() => {})
  commitRef.current = (value: string) => {
    const hex = value.toLowerCase()
    if (/^#[0-9a-f]{6}$/.test(hex) && hex !== props.value?.toLowerCase()) props.onCommit(hex)
  }
  useEffect(() => {
    const el = input.current
    if (!el) return
    const onChange = () => commitRef.current(el.value)
    el.addEventListener('change', onChange)
    return () => el.removeEventListener('change', onChange)
  }, [])
  return (
    <div className="field color-field">
      <label htmlFor={id}>{props.label}</label>
      <span className="color-row">
        <input
          ref={input}
          id={id}
          type="color"
          value={draft}
          disabled={props.disabled}
          onChange={(e) => setDraft(e.target.value)}
        />
        <code className="color-value">{props.value ?? t('common.default')}</code>
        <button
          type="button"
          disabled={props.disabled || props.value === undefined}
          onClick={() => props.onCommit(undefined)}
        >
          {t('common.reset')}
        </button>
      </span>
    </div>
  )
}

/** A titled group of fields in the inspector. */
export function Section(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId()
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <header className="section-header">
        <h3 id={id}>{props.title}</h3>
        {props.actions}
      </header>
      <div className="section-body">{props.children}</div>
    </section>
  )
}
