import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import { confirmEmailChange, findConfirmableChange } from '../../domain/email-change/confirm'
import { emailChangePages } from '../../domain/email-change/links'
import { findUndoableChange, undoEmailChange } from '../../domain/email-change/undo'
import { renderEmailChangePage } from '../../mail/email-change-pages'
import { languageFromHeader } from '../../mail/reset-page'
import { acceptPageForms, sendHtmlPage } from '../html-page'
import { requestOrigin } from '../request-context'
import { linkSettingsOf, type LinkConfig } from './link-settings'

export interface EmailChangePageRouteDeps {
  db: Kysely<Database>
  clock: Clock
  config: LinkConfig
}

const tokenQuery = z.object({ token: z.string().max(200).optional() })
const tokenForm = z.object({ token: z.string().max(200) })

/**
 * The two public pages of an email change (HTML, in the user's language once the token is known,
 * else the browser's). GET shows a button and uses nothing: mail scanners prefetch links. POST
 * confirms or undoes, once. Form-encoded from the page, or JSON; the answer is the page either way.
 */
export const emailChangePageRoutes: FastifyPluginAsyncZod<EmailChangePageRouteDeps> = async (app, { db, clock, config }) => {
  acceptPageForms(app)

  app.get(
    emailChangePages.confirm,
    { attachValidation: true, schema: { tags: ['email change pages'], summary: 'The page of the link sent to a new email address: a Confirm button', querystring: tokenQuery } },
    async (request, reply) => {
      const token = request.validationError ? undefined : request.query.token
      const change = token ? await findConfirmableChange(db, token, clock.now()) : null
      if (!change || !token) return sendHtmlPage(reply, 200, renderEmailChangePage(languageFromHeader(request.headers['accept-language']), { kind: 'confirmInvalid' }))
      return sendHtmlPage(reply, 200, renderEmailChangePage(change.language, { kind: 'confirmForm', token, newEmail: change.newEmail }))
    }
  )

  app.post(
    emailChangePages.confirm,
    {
      attachValidation: true,
      schema: { tags: ['email change pages'], summary: 'Confirm a new email address (single use, 24 hours): it becomes the primary address', body: tokenForm }
    },
    async (request, reply) => {
      const language = languageFromHeader(request.headers['accept-language'])
      if (request.validationError) return sendHtmlPage(reply, 400, renderEmailChangePage(language, { kind: 'confirmInvalid' }))
      const result = await confirmEmailChange(db, { token: request.body.token, now: clock.now(), origin: requestOrigin(request) })
      if (result.ok) return sendHtmlPage(reply, 200, renderEmailChangePage(result.language, { kind: 'confirmed', email: result.email }))
      if (result.reason === 'taken') return sendHtmlPage(reply, 409, renderEmailChangePage(result.language, { kind: 'confirmTaken' }))
      return sendHtmlPage(reply, 400, renderEmailChangePage(language, { kind: 'confirmInvalid' }))
    }
  )

  app.get(
    emailChangePages.undo,
    { attachValidation: true, schema: { tags: ['email change pages'], summary: 'The page of the link sent to the old email address: an Undo button', querystring: tokenQuery } },
    async (request, reply) => {
      const token = request.validationError ? undefined : request.query.token
      const change = token ? await findUndoableChange(db, token, clock.now()) : null
      if (!change || !token) return sendHtmlPage(reply, 200, renderEmailChangePage(languageFromHeader(request.headers['accept-language']), { kind: 'undoInvalid' }))
      return sendHtmlPage(reply, 200, renderEmailChangePage(change.language, { kind: 'undoForm', token }))
    }
  )

  app.post(
    emailChangePages.undo,
    {
      attachValidation: true,
      schema: {
        tags: ['email change pages'],
        summary: 'Undo an email change (single use, 7 days): the old address is restored, every session and API key ends, passkeys, the authenticator app and trusted devices are removed, a new password is required',
        body: tokenForm
      }
    },
    async (request, reply) => {
      const language = languageFromHeader(request.headers['accept-language'])
      if (request.validationError) return sendHtmlPage(reply, 400, renderEmailChangePage(language, { kind: 'undoInvalid' }))
      const result = await undoEmailChange(db, { token: request.body.token, now: clock.now(), origin: requestOrigin(request), settings: linkSettingsOf(app, config) })
      if (result.ok) return sendHtmlPage(reply, 200, renderEmailChangePage(result.language, { kind: 'undone' }))
      return sendHtmlPage(reply, 400, renderEmailChangePage(language, { kind: 'undoInvalid' }))
    }
  )
}
