import { z } from 'zod'
import { mailboxList, mailboxMessage, mailId, mailStateResponse, mailStatus } from '../../mail'

/** What the connected portal does with mail: delivery, one email's state, the local mailbox. */
export const mailChannels = {
  'mail:status': { input: z.void(), output: mailStatus },
  /** The state of the email an action queued (never its body). */
  'mail:state': { input: z.object({ id: mailId }), output: mailStateResponse },
  /** The local mailbox (MAILBOX=local portals only). */
  'mail:mailbox': { input: z.void(), output: mailboxList },
  'mail:message': { input: z.object({ id: mailId }), output: mailboxMessage }
} as const
