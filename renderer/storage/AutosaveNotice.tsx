import { useEffect, useState } from 'react'

export const autosaveEvents = new EventTarget()

/** Shows why autosave could not write (storage full, …) until the next write succeeds. */
export function AutosaveNotice() {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    const onError = (event: Event) => setMessage((event as CustomEvent<string>).detail)
    const onSaved = () => setMessage(null)
    autosaveEvents.addEventListener('error', onError)
    autosaveEvents.addEventListener('saved', onSaved)
    return () => {
      autosaveEvents.removeEventListener('error', onError)
      autosaveEvents.removeEventListener('saved', onSaved)
    }
  }, [])
  if (!message) return null
  return (
    <div className="notice notice-error autosave-notice" role="alert">
      <p>{message}</p>
    </div>
  )
}
