import type { Locale } from '../../../shared/errors'

export interface RenderedMail {
  subject: string
  text: string
}

/** One email in every language the portal speaks; `data` is what the text needs, never a secret to store. */
export type MailTemplate<Data> = Record<Locale, (data: Data) => RenderedMail>

export function defineTemplate<Data>(template: MailTemplate<Data>): MailTemplate<Data> {
  return template
}
