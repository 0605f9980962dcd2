import { apiPaths } from '../../../shared/api'
import { deleteResult, securityPaths } from '../../../shared/security'
import { userDetail } from '../../../shared/users'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

type UserHandlers = Pick<
  HandlerTable,
  | 'users:list'
  | 'users:get'
  | 'users:create'
  | 'users:update'
  | 'users:archive'
  | 'users:restore'
  | 'users:delete'
  | 'users:avatar'
  | 'users:set-avatar'
  | 'users:remove-avatar'
  | 'users:payment-methods'
  | 'users:delete-payment-method'
  | 'users:sign-ins'
  | 'users:audit'
>

/** The user record's channels, each one API route. */
export function userHandlers(session: SessionService): UserHandlers {
  return {
    'users:list': (query) => session.listUsers(query),
    'users:get': ({ id }) => session.getUser(id),
    'users:create': ({ user, audit }) =>
      session.call((client, token) => client.request(userDetail, { method: 'POST', url: apiPaths.users, data: user }, token, audit)),
    'users:update': ({ id, patch, audit }) =>
      session.call((client, token) => client.request(userDetail, { method: 'PATCH', url: apiPaths.user(id), data: patch }, token, audit)),
    'users:archive': ({ id, version, audit }) =>
      session.call((client, token) =>
        client.request(userDetail, { method: 'POST', url: `${apiPaths.user(id)}/archive`, data: version === undefined ? {} : { version } }, token, audit)
      ),
    'users:restore': ({ id, version, audit }) =>
      session.call((client, token) =>
        client.request(userDetail, { method: 'POST', url: `${apiPaths.user(id)}/restore`, data: version === undefined ? {} : { version } }, token, audit)
      ),
    'users:delete': ({ id, blocklist, audit }) =>
      session.call((client, token) => client.request(userDetail, { method: 'DELETE', url: apiPaths.user(id), data: { blocklist } }, token, audit)),
    'users:avatar': ({ id }) => session.call(async (client, token) => ({ dataUrl: await client.image(`${apiPaths.user(id)}/avatar`, token) })),
    'users:set-avatar': ({ id, contentType, base64, audit }) =>
      session.call((client, token) =>
        client.request(
          userDetail,
          { method: 'PUT', url: `${apiPaths.user(id)}/avatar`, data: Buffer.from(base64, 'base64'), headers: { 'content-type': contentType } },
          token,
          audit
        )
      ),
    'users:remove-avatar': ({ id, audit }) =>
      session.call((client, token) => client.request(userDetail, { method: 'DELETE', url: `${apiPaths.user(id)}/avatar` }, token, audit)),
    'users:payment-methods': ({ id }) => session.listPaymentMethods(id),
    'users:delete-payment-method': ({ id, paymentMethodId, audit }) =>
      session.call((client, token) =>
        client.request(deleteResult, { method: 'DELETE', url: securityPaths.paymentMethod(id, paymentMethodId), data: {} }, token, audit)
      ),
    'users:sign-ins': ({ id }) => session.listSignIns(id),
    'users:audit': (query) => session.listAudit(query)
  }
}

