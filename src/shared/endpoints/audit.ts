import { auditIntegrity, auditListQuery, auditPage } from '../audit'
import { defineEndpoint } from './define'

const tags = ['audit']

export const listAudit = defineEndpoint({
  method: 'GET',
  path: '/api/v1/audit',
  query: auditListQuery,
  response: auditPage,
  auth: 'operator',
  permission: 'audit.read',
  permissionTarget: 'portalUsers',
  refusals: [],
  errors: [400, 401, 403],
  tags,
  summary: 'The audit log, newest first: filter by user, actor, action and time; keyset pages',
  description: 'Support agents see the entries about portal users only (403 when asking for an internal user).'
})

export const auditIntegrityCheck = defineEndpoint({
  method: 'GET',
  path: '/api/v1/audit/integrity',
  response: auditIntegrity,
  auth: 'operator',
  permission: 'audit.read',
  permissionTarget: 'portalUsers',
  refusals: [],
  errors: [401, 403],
  tags,
  summary: "Whether the audit log's hash chain is intact, or its first broken row",
  description:
    'Walks the whole chain; the answer is reused for a minute (see checkedAt). Every operator who reads audit entries may ask: ' +
    'a broken chain makes every entry doubtful. Rows cut from the end cannot be seen by the chain alone: compare `head` with one recorded earlier.'
})
