import { createContext, useContext } from 'react'
import type { FlowlaneDatabase } from './database.js'
import type { RecentTracker } from './recentDocuments.js'

/** The app's IndexedDB, for panels that list what it keeps (History, Recent). */
export interface Storage {
  readonly db: FlowlaneDatabase
  /** The autosave key of the open document: its snapshots are the History panel's autosaves. */
  readonly autosaveKey: () => string
  readonly recent: RecentTracker
}

export const StorageContext = createContext<Storage | null>(null)

/** The storage, or null where none was provided (the panels then say history is unavailable). */
export function useStorage(): Storage | null {
  return useContext(StorageContext)
}
