import { checkCodeRequest, codeSent, knowledgeCheckRequest, personMatchList, personSearchQuery, remindUsernameResult, verification } from '../helpdesk'
import { recipientMailLimitNote } from '../mail-limit'
import { noBody, userParams } from './common'
import { defineEndpoint, writeErrors } from './define'

/*
 * The helpdesk: find the caller, verify them (a code by email, or a weaker knowledge check), and
 * remind a forgotten username. Support agents act on portal users only, with X-Ticket-Ref.
 */
const tags = ['helpdesk']
const verifyErrors = [...writeErrors, 429] as const
const onUser = { auth: 'operator', permissionTarget: 'pathUser', params: userParams, tags, errors: verifyErrors } as const

export const searchPeople = defineEndpoint({
  method: 'GET',
  path: '/api/v1/helpdesk/people',
  query: personSearchQuery,
  response: personMatchList,
  auth: 'operator',
  permission: 'helpdesk.search',
  refusals: [],
  errors: [400, 401, 403],
  tags,
  summary: 'People matching an email, phone, username, name or company (masked email and phone, and a username that is an email), active users first',
  description: 'Tolerant of case, spaces and phone formatting. Archived users are included after active ones; deleted accounts never.'
})

export const sendVerificationCode = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/verification/code',
  body: noBody,
  response: codeSent,
  permission: 'identity.verify',
  refusals: ['noEmail', 'noConfirmedEmail', 'verificationCodeLimit', 'mailLimit'],
  summary: "Email a 6-digit verification code to the user's primary email, for the caller to read back",
  description: `Valid 10 minutes, single use. 400 when the user has no email; 429 after 3 codes to this user in 10 minutes. ${recipientMailLimitNote}`
})

export const checkVerificationCode = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/verification/code/check',
  body: checkCodeRequest,
  response: verification,
  permission: 'identity.verify',
  refusals: ['verificationCodeNotSent', 'verificationCodeUsed', 'verificationCodeSpent', 'verificationCodeExpired', 'verificationCodeWrong'],
  summary: 'Check the code the caller read back: a strong verification (X-Verification for the next actions)',
  description: 'Checks the last code this operator sent to this user. 400 for a wrong code (details.attemptsLeft), 409 when used or expired, 429 after 5 wrong codes.'
})

export const checkKnowledge = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/verification/knowledge',
  body: knowledgeCheckRequest,
  response: verification,
  permission: 'identity.verify',
  refusals: ['factsNotOnRecord'],
  summary: 'Record the facts of the record the caller confirmed: a weak verification',
  description: 'At least two of company, city, phoneLast4, each on record. A weak verification does not unlock turning off 2FA for support agents.'
})

export const remindUsername = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/remind-username',
  body: noBody,
  response: remindUsernameResult,
  permission: 'username.remind',
  refusals: ['noEmail', 'noConfirmedEmail', 'accountArchived', 'mailLimit'],
  summary: "Email the username to the user's primary email (the forgotten-username ticket)",
  description: `400 when the user has no email, 409 when the account is archived. ${recipientMailLimitNote} Support: portal users only, with X-Ticket-Ref.`
})

