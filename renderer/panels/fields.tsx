import { useEffect, useId, useState, type ReactNode } from 'react'

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
}) {
  const id = useId()
  const [draft, setDraft] = useState(props.value)
  useEffect(() => setDraft(props.value), [props.value])
  const commit = () => {
    if (draft !== props.value) props.onCommit(draft)
  }
  const common = {
    id,
    value: draft,
    placeholder: props.placeholder,
    disabled: props.disabled,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} onKeyDown={(e) => e.key === 'Escape' && setDraft(props.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit()
            if (e.key === 'Escape') setDraft(props.value)
          }}
        />
      )}
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
}) {
  const id = useId()
  const [draft, setDraft] = useState(props.value === undefined ? '' : String(props.value))
  useEffect(() => setDraft(props.value === undefined ? '' : String(props.value)), [props.value])
  const parsed = draft.trim() === '' ? undefined : Number(draft)
  const valid =
    parsed === undefined
      ? props.optional === true
      : Number.isFinite(parsed) &&
        (props.min === undefined || parsed >= props.min) &&
        (props.max === undefined || parsed <= props.max) &&
        (!props.integer || Number.isInteger(parsed))
  const commit = () => {
    if (!valid) {
      setDraft(props.value === undefined ? '' : String(props.value))
      return
    }
    if (parsed !== props.value) props.onCommit(parsed)
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
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
          disabled={props.disabled}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit()
          }}
        />
        {props.suffix}
      </span>
    </div>
  )
}

export function SelectField<T extends string>(props: {
  label: string
  value: T | ''
  options: readonly { value: T | ''; label: string }[]
  onChange: (value: T | '') => void
  disabled?: boolean | undefined
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
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
}) {
  const { items } = props
  const set = (next: string[]) => props.onCommit(next.map((s) => s.trim()).filter((s) => s !== ''))
  return (
    <fieldset className="list-field">
      <legend>{props.label}</legend>
      <ol>
        {items.map((item, i) => (
          <li key={`${i}-${item}`}>
            <TextField
              label={`${props.label} ${i + 1}`}
              value={item}
              onCommit={(v) => set(items.map((x, j) => (j === i ? v : x)))}
              disabled={props.disabled}
            />
            <span className="row-buttons">
              <button
                type="button"
                aria-label={`Move ${props.label} ${i + 1} up`}
                disabled={i === 0 || props.disabled}
                onClick={() => set(items.map((x, j) => (j === i - 1 ? items[i]! : j === i ? items[i - 1]! : x)))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Remove ${props.label} ${i + 1}`}
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

function AddItem(props: { label: string; onAdd: (value: string) => void; disabled?: boolean | undefined }) {
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
      <button type="button" onClick={add} disabled={props.disabled || value.trim() === ''}>
        +
      </button>
    </div>
  )
}
