import { createContext, useContext, type ReactNode } from 'react'
import type { DeskClient } from '../../shared/ipc/desk-api'

/**
 * The one way renderer code reaches the main process. main.tsx provides the client built over
 * `window.desk`; tests provide a fake with the same type.
 */
const DeskClientContext = createContext<DeskClient | null>(null)

export function DeskClientProvider({ client, children }: { client: DeskClient; children: ReactNode }) {
  return <DeskClientContext.Provider value={client}>{children}</DeskClientContext.Provider>
}

export function useDeskClient(): DeskClient {
  const client = useContext(DeskClientContext)
  if (!client) throw new Error('useDeskClient needs a DeskClientProvider above it.')
  return client
}
