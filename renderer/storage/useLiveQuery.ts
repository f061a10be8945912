import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'

/**
 * Follows a Dexie query: re-runs whenever the tables it read change (in this window or
 * another). `deps` names what the query depends on; until the first answer, `initial`.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial)
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(initial) })
    return () => subscription.unsubscribe()
    // The caller names what the query depends on.
  }, deps)
  return value
}
