/**
 * The presenter's pointer, made visible from the back of the room: a large yellow and black
 * halo that follows the mouse over everything, and fades out while the mouse rests.
 */
import { useEffect, useState } from 'react'

/** The halo hides after the mouse has rested this long. */
export const POINTER_IDLE_MS = 2000
/** Diameter in CSS pixels. */
const SIZE = 140

export function PointerHalo() {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null)
  const [idle, setIdle] = useState(true)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onMove = (event: PointerEvent) => {
      setAt({ x: event.clientX, y: event.clientY })
      setIdle(false)
      clearTimeout(timer)
      timer = setTimeout(() => setIdle(true), POINTER_IDLE_MS)
    }
    const onLeave = () => setIdle(true)
    window.addEventListener('pointermove', onMove, true)
    document.documentElement.addEventListener('pointerleave', onLeave)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('pointermove', onMove, true)
      document.documentElement.removeEventListener('pointerleave', onLeave)
    }
  }, [])

  if (!at) return null
  return (
    <div
      className={`present-pointer${idle ? ' is-idle' : ''}`}
      data-testid="present-pointer"
      data-idle={idle}
      aria-hidden
      style={{ width: SIZE, height: SIZE, transform: `translate(${at.x - SIZE / 2}px, ${at.y - SIZE / 2}px)` }}
    />
  )
}
