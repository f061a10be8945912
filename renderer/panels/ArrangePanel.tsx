import { alignNodes, distributeNodes, type Alignment } from '../../shared/edit/arrange.js'
import { deleteElements } from '../../shared/edit/operations.js'
import { Section } from './fields.js'
import { useApply } from './inspectorShared.js'
import { useT } from '../i18n/index.js'

const ALIGN_BUTTONS: readonly { alignment: Alignment; label: `arrange.${string}`; icon: string }[] = [
  { alignment: 'left', label: 'arrange.alignLeft', icon: '⇤' },
  { alignment: 'center', label: 'arrange.alignCenter', icon: '↔' },
  { alignment: 'right', label: 'arrange.alignRight', icon: '⇥' },
  { alignment: 'top', label: 'arrange.alignTop', icon: '⤒' },
  { alignment: 'middle', label: 'arrange.alignMiddle', icon: '↕' },
  { alignment: 'bottom', label: 'arrange.alignBottom', icon: '⤓' },
]

/** Align and distribute for two or more selected steps. */
export function ArrangePanel({ ids }: { ids: readonly string[] }) {
  const { apply, readOnly } = useApply()
  const { t } = useT()
  return (
    <div className="inspector-form" aria-label={t('common.selection')}>
      <header className="inspector-title">
        <span className="kind-chip kind-process">{t('common.selection')}</span>
        <h2>{t('arrange.selected', { count: ids.length })}</h2>
      </header>
      <Section title={t('arrange.align')}>
        <div className="arrange-grid" role="group" aria-label={t('arrange.align')}>
          {ALIGN_BUTTONS.map((b) => (
            <button
              key={b.alignment}
              type="button"
              title={t(b.label)}
              aria-label={t(b.label)}
              disabled={readOnly}
              onClick={() => apply(b.label, (d) => alignNodes(d, ids, b.alignment))}
            >
              <span aria-hidden className="arrange-icon">
                {b.icon}
              </span>
              <span className="arrange-text">{t(`arrange.short.${b.alignment}`)}</span>
            </button>
          ))}
        </div>
      </Section>
      <Section title={t('arrange.distribute')}>
        <div className="button-row" role="group" aria-label={t('arrange.distribute')}>
          <button
            type="button"
            disabled={readOnly || ids.length < 3}
            onClick={() => apply('Distribute horizontally', (d) => distributeNodes(d, ids, 'horizontal'))}
          >
            {t('arrange.horizontally')}
          </button>
          <button
            type="button"
            disabled={readOnly || ids.length < 3}
            onClick={() => apply('Distribute vertically', (d) => distributeNodes(d, ids, 'vertical'))}
          >
            {t('arrange.vertically')}
          </button>
        </div>
        {ids.length < 3 && <p className="hint">{t('arrange.threeOrMore')}</p>}
      </Section>
      {!readOnly && (
        <div className="button-row end">
          <button type="button" className="danger" onClick={() => apply('Delete', (d) => deleteElements(d, ids))}>
            {t('arrange.delete', { count: ids.length })}
          </button>
        </div>
      )}
    </div>
  )
}
