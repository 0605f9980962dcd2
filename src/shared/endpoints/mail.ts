import { z } from 'zod'
import { mailboxList, mailboxMessage, mailId, mailStateResponse, mailStatus } from '../mail'
import { outboxListQuery, outboxPage } from '../outbox'
import { defineEndpoint } from './define'

const tags = ['mail']
const idParams = z.object({ id: mailId })
const errors = [400, 401, 403, 404, 503] as const

export const listOutbox = defineEndpoint({
  method: 'GET',
  path: '/api/v1/outbox',
  query: outboxListQuery,
  response: outboxPage,
  auth: 'operator',
  permission: 'outbox.read',
  refusals: [],
  errors: [400, 401, 403, 503],
  tags,
  summary: 'Every email the portal queued, newest first, with its delivery state (administrators only)',
  description: 'Bodies are never listed: a reset or invitation link in them may still be live.'
})

export const getMailStatus = defineEndpoint({
  method: 'GET',
  path: '/api/v1/mail/status',
  response: mailStatus,
  auth: 'operator',
  refusals: [],
  errors: [401, 503],
  tags,
  summary: 'Whether this portal delivers mail (SMTP_URL) and exposes a local mailbox (MAILBOX=local)'
})

/** Judged on the email's recipient, once it is known: `audit.read` on that user, `outbox.read` for an email to no user. */
export const getMailState = defineEndpoint({
  method: 'GET',
  path: '/api/v1/mail/:id/state',
  params: idParams,
  response: mailStateResponse,
  auth: 'operator',
  permission: 'audit.read',
  permissionTarget: 'loaded',
  permissionWithoutTarget: 'outbox.read',
  refusals: ['noSuchEmail'],
  errors,
  tags,
  summary: 'The delivery state of one email (queued, sent, failed, blocked, off), never its body',
  description:
    "Whoever may read the recipient's activity (audit.read on that user: administrators, and support agents for portal users) may follow the email an action queued; an email to no user needs outbox.read."
})

export const listMailbox = defineEndpoint({
  method: 'GET',
  path: '/api/v1/mailbox',
  response: mailboxList,
  auth: 'operator',
  permission: 'outbox.read',
  refusals: ['mailboxOff'],
  errors,
  tags,
  summary: 'The local mailbox: the newest emails (MAILBOX=local only; 404 otherwise; administrators)'
})

export const getMailboxMessage = defineEndpoint({
  method: 'GET',
  path: '/api/v1/mailbox/:id',
  params: idParams,
  response: mailboxMessage,
  auth: 'operator',
  permission: 'outbox.read',
  refusals: ['mailboxOff', 'noSuchEmail'],
  errors,
  tags,
  summary: 'One email of the local mailbox in full, links and codes included (MAILBOX=local only; 404 otherwise)'
})
