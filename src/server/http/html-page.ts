import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { RenderedPage } from '../mail/reset-page'

const formContentType = 'application/x-www-form-urlencoded'

/** An emailed link's page, with the headers that keep it from being cached, framed, sniffed or leaking its URL. */
export function sendHtmlPage(reply: FastifyReply, status: number, page: RenderedPage) {
  return reply
    .status(status)
    .header('content-security-policy', page.csp)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .type('text/html; charset=utf-8')
    .send(page.html)
}

/** The pages' own forms post form-encoded; the rest of the API stays JSON-only (the parser is scoped to the calling plugin). */
export function acceptPageForms(app: FastifyInstance): void {
  app.addContentTypeParser(formContentType, { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))))
  })
}

export const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').toLowerCase().startsWith(formContentType)
