import { useQuery } from '@tanstack/react-query'
import { isSettledMailState } from '../../../shared/mail'
import { useDeskClient } from '../../app/desk-client'

export const mailQueryKeys = {
  all: ['mail'] as const,
  status: () => [...mailQueryKeys.all, 'status'] as const,
  state: (id: string) => [...mailQueryKeys.all, 'state', id] as const,
  mailbox: () => [...mailQueryKeys.all, 'mailbox'] as const,
  message: (id: string) => [...mailQueryKeys.all, 'message', id] as const
}

/** How often, and for how long, the desk asks for the state of an email still queued. */
export const mailStatePolling = { everyMs: 1_000, forMs: 30_000 } as const

/** Whether the connected portal delivers mail and has a local mailbox. */
export function useMailStatus() {
  const desk = useDeskClient()
  return useQuery({ queryKey: mailQueryKeys.status(), queryFn: () => desk.mail.status(), staleTime: 60_000 })
}

/**
 * The live state of one email: asked every second while it is queued, for at most 30 seconds (a
 * retry can take hours; the outbox keeps the rest), then no more.
 */
export function useMailState(id: string, startedAt: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: mailQueryKeys.state(id),
    queryFn: () => desk.mail.state({ id }),
    retry: false,
    refetchInterval: (query) => {
      const state = query.state.data?.state
      if (query.state.status === 'error' || (state !== undefined && isSettledMailState(state))) return false
      return Date.now() - startedAt < mailStatePolling.forMs ? mailStatePolling.everyMs : false
    }
  })
}

export function useMailbox(enabled: boolean) {
  const desk = useDeskClient()
  return useQuery({ queryKey: mailQueryKeys.mailbox(), queryFn: () => desk.mail.mailbox(), enabled, refetchInterval: enabled ? 3_000 : false })
}

export function useMailboxMessage(id: string | null) {
  const desk = useDeskClient()
  return useQuery({ queryKey: mailQueryKeys.message(id ?? ''), queryFn: () => desk.mail.message({ id: id ?? '' }), enabled: id !== null })
}
