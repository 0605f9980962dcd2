import { z } from 'zod'
import { checkCodeRequest, codeSent, knowledgeCheckRequest, personMatchList, personSearchQuery, remindUsernameResult, verification } from '../../helpdesk'
import { userId } from '../../users'
import { auditContext } from '../audit-context'

/** The Helpdesk view: find the person, verify the caller, remind the username. */
export const helpdeskChannels = {
  'helpdesk:find-people': { input: personSearchQuery, output: personMatchList },
  'helpdesk:send-code': { input: z.object({ id: userId, audit: auditContext }), output: codeSent },
  'helpdesk:check-code': { input: z.object({ id: userId, audit: auditContext }).extend(checkCodeRequest.shape), output: verification },
  'helpdesk:knowledge-check': { input: z.object({ id: userId, audit: auditContext }).extend(knowledgeCheckRequest.shape), output: verification },
  'helpdesk:remind-username': { input: z.object({ id: userId, audit: auditContext }), output: remindUsernameResult }
} as const
