import { endpoints } from '../../../shared/endpoints'
import type { ParsedChannelInput } from '../../../shared/ipc/channels'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
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
  const forward = forwarder(session)
  const lifecycle = ({ id, version, audit }: ParsedChannelInput<'users:archive' | 'users:restore'>) => ({
    params: { id },
    body: version === undefined ? {} : { version },
    audit
  })
  return {
    'users:list': (query) => session.listUsers(query),
    'users:get': ({ id }) => session.getUser(id),
    'users:create': forward(endpoints.createUser, ({ user, audit }) => ({ body: user, audit })),
    'users:update': forward(endpoints.updateUser, ({ id, patch, audit }) => ({ params: { id }, body: patch, audit })),
    'users:archive': forward(endpoints.archiveUser, lifecycle),
    'users:restore': forward(endpoints.restoreUser, lifecycle),
    'users:delete': forward(endpoints.deleteUser, ({ id, blocklist, audit }) => ({ params: { id }, body: { blocklist }, audit })),
    'users:avatar': ({ id }) => session.call(async (client, token) => ({ dataUrl: await client.image(endpoints.getAvatar, { id }, token) })),
    'users:set-avatar': forward(endpoints.setAvatar, ({ id, contentType, base64, audit }) => ({
      params: { id },
      body: Buffer.from(base64, 'base64'),
      headers: { 'content-type': contentType },
      audit
    })),
    'users:remove-avatar': forward(endpoints.removeAvatar, ({ id, audit }) => ({ params: { id }, audit })),
    'users:payment-methods': ({ id }) => session.listPaymentMethods(id),
    'users:delete-payment-method': forward(endpoints.deleteUserPaymentMethod, ({ id, paymentMethodId, audit }) => ({ params: { id, pmid: paymentMethodId }, audit })),
    'users:sign-ins': ({ id }) => session.listSignIns(id),
    'users:audit': (query) => session.listAudit(query)
  }
}
