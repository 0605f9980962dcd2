import type { Locale } from '../../../shared/errors'
import { accountDeleted } from './account-deleted'
import { emailChangeConfirm, emailChangeNotice, emailChangeTaken, emailChangedByAdministrator } from './email-change'
import { passwordChanged } from './password-changed'
import { resetLink } from './reset-link'
import { welcome } from './welcome'
import { twoFactorDisabled } from './two-factor-disabled'
import { twoFactorInvitation } from './two-factor-invitation'
import { usernameReminder } from './username-reminder'
import { verificationCode } from './verification-code'
import type { MailTemplate, RenderedMail } from './template'

/**
 * Every email the portal sends, by name (the outbox's `template` column). Add one: a file exporting
 * `defineTemplate<Data>({ en, 'zh-CN' })`, then a line here; `enqueueMail` is then typed for it.
 */
export const mailTemplates = {
  passwordChanged,
  resetLink,
  welcome,
  twoFactorInvitation,
  twoFactorDisabled,
  accountDeleted,
  verificationCode,
  usernameReminder,
  emailChangeConfirm,
  emailChangeTaken,
  emailChangeNotice,
  emailChangedByAdministrator
} as const

export type MailTemplateName = keyof typeof mailTemplates
export type MailTemplateData<Name extends MailTemplateName> = (typeof mailTemplates)[Name] extends MailTemplate<infer Data> ? Data : never

export function renderMail<Name extends MailTemplateName>(name: Name, language: Locale, data: MailTemplateData<Name>): RenderedMail {
  const template = mailTemplates[name] as MailTemplate<MailTemplateData<Name>>
  return template[language](data)
}

export type { RenderedMail } from './template'
