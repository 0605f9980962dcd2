import { defineTemplate } from './template'

export interface ResetLinkData {
  name: string
  /** The single-use link; the outbox redacts its token once the email left (see domain/mail/outbox.ts). */
  link: string
  /** ISO instant, shown in UTC. */
  expiresAt: string
  /** 'required': an administrator requires a new password before the next sign-in (Oro's "Reset password"). */
  reason: 'requested' | 'required'
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** A link to choose a new password; it never contains a password. */
export const resetLink = defineTemplate<ResetLinkData>({
  en: (data) => ({
    subject: data.reason === 'required' ? 'Set a new password for your portal account' : 'Reset your portal password',
    text: [
      `Hello ${data.name},`,
      '',
      data.reason === 'required'
        ? 'Our team requires a new password for your portal account. You cannot sign in until you set one with this link:'
        : 'Use this link to choose a new password for your portal account:',
      '',
      data.link,
      '',
      `The link works once and expires on ${utc(data.expiresAt)}.`,
      'If you did not expect this email, contact our support team.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: data.reason === 'required' ? '请为您的门户账户设置新密码' : '重置您的门户密码',
    text: [
      `${data.name}，您好：`,
      '',
      data.reason === 'required' ? '我们的团队要求您为门户账户设置新密码。在设置新密码之前您无法登录，请通过以下链接设置：' : '请通过以下链接为您的门户账户设置新密码：',
      '',
      data.link,
      '',
      `该链接只能使用一次，将于 ${utc(data.expiresAt)} 失效。`,
      '如果您没有预料到这封邮件，请联系我们的支持团队。',
      ''
    ].join('\n')
  })
})
