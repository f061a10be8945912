import { useEffect, useRef, useState } from 'react'
import { LanguageMenu } from '../i18n/LanguageMenu.js'
import { useT } from '../i18n/index.js'
import { ThemeMenu } from './ThemeMenu.js'

/**
 * The toolbar's display menu: the app's language and theme. One compact button, marked 文A
 * so a user who cannot read the current language still finds it.
 */
export function DisplayMenu() {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  return (
    <span
      className="display-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false)
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('toolbar.displayTitle')}
        data-testid="display-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden className="display-icon">
          文A
        </span>{' '}
        {t('toolbar.display')}
      </button>
      {open && (
        <div className="display-popover" role="dialog" aria-label={t('toolbar.display')}>
          <LanguageMenu />
          <ThemeMenu />
        </div>
      )}
    </span>
  )
}
