import { z } from 'zod'
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { DeskError, fieldIssues, type Locale } from '../../../shared/errors'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import { findUsableLink, redeemLink } from '../../domain/reset/redeem'
import { languageFromHeader, renderResetPage, resetPageTexts, type ResetPageView } from '../../mail/reset-page'
import { acceptPageForms, isForm, sendHtmlPage } from '../html-page'
import { requestOrigin } from '../request-context'
import { linkSettingsOf, type LinkConfig } from './link-settings'

export interface ResetPageRouteDeps {
  db: Kysely<Database>
  clock: Clock
  config: LinkConfig
}

const pageQuery = z.object({ token: z.string().max(200).optional() })
const resetRequest = z
  .object({
    token: z.string().max(200),
    password: z.string().max(1024),
    /** The form's second field; JSON callers may leave it out. */
    confirm: z.string().max(1024).optional()
  })
  .strict()
const resetResponse = z.object({ ok: z.literal(true) })

const invalidLinkMessage = resetPageTexts('en').invalid

function sendPage(reply: FastifyReply, status: number, language: Locale, view: ResetPageView) {
  return sendHtmlPage(reply, status, renderResetPage(language, view))
}

/**
 * The public landing page of emailed links. GET shows the form (it does not use the link: mail
 * scanners fetch links); POST sets the password (form-encoded from the page, or JSON). An unknown,
 * expired, used or revoked token gets the same page in the language of the browser, never the
 * account's: nothing tells whether an account exists.
 */
export const resetPageRoutes: FastifyPluginAsyncZod<ResetPageRouteDeps> = async (app, { db, clock, config }) => {
  acceptPageForms(app)

  app.get(
    '/reset-password',
    {
      attachValidation: true,
      schema: {
        tags: ['reset page'],
        summary: 'The public page of an emailed reset or invitation link (HTML, in the user\'s language)',
        querystring: pageQuery
      }
    },
    async (request, reply) => {
      const token = request.validationError ? undefined : request.query.token
      const link = token ? await findUsableLink(db, token, clock.now()) : null
      if (!link || !token) return sendPage(reply, 200, languageFromHeader(request.headers['accept-language']), { kind: 'invalid' })
      return sendPage(reply, 200, link.language, { kind: 'form', token, purpose: link.purpose, error: null })
    }
  )

  app.post(
    '/reset-password',
    {
      attachValidation: true,
      schema: {
        tags: ['reset page'],
        summary: 'Set the password through an emailed link (form-encoded from the page, or JSON)',
        description: 'Single use; the policy is checked; every session of the user is revoked and "reset required" cleared.',
        body: resetRequest,
        response: { 200: resetResponse }
      }
    },
    async (request, reply) => {
      const form = isForm(request)
      const browserLanguage = languageFromHeader(request.headers['accept-language'])
      if (request.validationError) {
        if (!form) throw request.validationError
        return sendPage(reply, 400, browserLanguage, { kind: 'invalid' })
      }
      const { token, password, confirm } = request.body
      if (confirm !== undefined && confirm !== password) {
        const link = await findUsableLink(db, token, clock.now())
        if (!link) return invalid(reply, form, browserLanguage)
        const message = resetPageTexts(link.language).mismatch
        if (!form) throw new DeskError('VALIDATION', message, [{ path: 'confirm', message }])
        return sendPage(reply, 400, link.language, { kind: 'form', token, purpose: link.purpose, error: message })
      }
      try {
        const result = await redeemLink(db, { token, password, now: clock.now(), origin: requestOrigin(request), portalUrl: linkSettingsOf(app, config).publicUrl })
        if (!result.ok) return invalid(reply, form, browserLanguage)
        if (!form) return { ok: true as const }
        return sendPage(reply, 200, result.language, { kind: 'done', purpose: result.purpose })
      } catch (error) {
        if (!form || !(error instanceof DeskError) || error.code !== 'VALIDATION') throw error
        const link = await findUsableLink(db, token, clock.now())
        if (!link) return invalid(reply, form, browserLanguage)
        const message = link.language === 'en' ? (fieldIssues(error.details)[0]?.message ?? error.message) : resetPageTexts(link.language).policy
        return sendPage(reply, 400, link.language, { kind: 'form', token, purpose: link.purpose, error: message })
      }
    }
  )
}

function invalid(reply: FastifyReply, form: boolean, language: Locale) {
  if (!form) throw new DeskError('VALIDATION', invalidLinkMessage, [{ path: 'token', message: invalidLinkMessage }])
  return sendPage(reply, 400, language, { kind: 'invalid' })
}
