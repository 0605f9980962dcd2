import { createStore, type StoreApi } from 'zustand/vanilla'

/** A one-off message for the sign-in screen, such as "your session has ended". */
export interface SessionNotice {
  notice: 'sessionExpired' | null
  show: (notice: 'sessionExpired') => void
  clear: () => void
}

export function createSessionNoticeStore(): StoreApi<SessionNotice> {
  return createStore<SessionNotice>()((set) => ({
    notice: null,
    show: (notice) => set({ notice }),
    clear: () => set({ notice: null })
  }))
}
