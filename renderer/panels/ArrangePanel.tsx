import { alignNodes, distributeNodes, type Alignment } from '../../shared/edit/arrange.js'
import { deleteElements } from '../../shared/edit/operations.js'
import { Section } from './fields.js'
import { useApply } from './inspectorShared.js'

const ALIGN_BUTTONS: readonly { alignment: Alignment; label: string; icon: string }[] = [
  { alignment: 'left', label: 'Align left', icon: '⇤' },
  { alignment: 'center', label: 'Align centres horizontally', icon: '↔' },
  { alignment: 'right', label: 'Align right', icon: '⇥' },
  { alignment: 'top', label: 'Align top', icon: '⤒' },
  { alignment: 'middle', label: 'Align middles vertically', icon: '↕' },
  { alignment: 'bottom', label: 'Align bottom', icon: '⤓' },
]

/** Align and distribute for two or more selected steps. */
export function ArrangePanel({ ids }: { ids: readonly string[] }) {
  const { apply, readOnly } = useApply()
  return (
    <div className="inspector-form" aria-label="Selection">
      <header className="inspector-title">
        <span className="kind-chip kind-process">Selection</span>
        <h2>{ids.length} steps selected</h2>
      </header>
      <Section title="Align">
        <div className="arrange-grid" role="group" aria-label="Align">
          {ALIGN_BUTTONS.map((b) => (
            <button
              key={b.alignment}
              type="button"
              title={b.label}
              aria-label={b.label}
              disabled={readOnly}
              onClick={() => apply(b.label, (d) => alignNodes(d, ids, b.alignment))}
            >
              <span aria-hidden className="arrange-icon">
                {b.icon}
              </span>
              <span className="arrange-text">{b.alignment === 'center' ? 'centre' : b.alignment}</span>
            </button>
          ))}
        </div>
      </Section>
      <Section title="Distribute">
        <div className="button-row" role="group" aria-label="Distribute">
          <button
            type="button"
            disabled={readOnly || ids.length < 3}
            onClick={() => apply('Distribute horizontally', (d) => distributeNodes(d, ids, 'horizontal'))}
          >
            Distribute horizontally
          </button>
          <button
            type="button"
            disabled={readOnly || ids.length < 3}
            onClick={() => apply('Distribute vertically', (d) => distributeNodes(d, ids, 'vertical'))}
          >
            Distribute vertically
          </button>
        </div>
        {ids.length < 3 && <p className="hint">Select three or more steps to space them evenly.</p>}
      </Section>
      {!readOnly && (
        <div className="button-row end">
          <button type="button" className="danger" onClick={() => apply('Delete', (d) => deleteElements(d, ids))}>
            Delete {ids.length} steps
          </button>
        </div>
      )}
    </div>
  )
}
