import { defineTemplate } from './template'

export interface VerificationCodeData {
  /** The display name of the recipient. */
  name: string
  /** The 6 digits the caller reads back to the support agent. */
  code: string
  /** How long it stays valid. */
  minutes: number
}

/** The words before the code, per language: the outbox finds the code after them to remove it. */
export const verificationCodeLead = { en: 'Read them this code: ', 'zh-CN': '请将以下验证码告诉他们：' } as const

/** Sent when a support agent verifies a caller: the code proves the caller reads this mailbox. */
export const verificationCode = defineTemplate<VerificationCodeData>({
  en: (data) => ({
    subject: 'Your verification code for our support team',
    text: [
      `Hello ${data.name},`,
      '',
      'You are talking to our support team, who need to confirm that it is really you.',
      `${verificationCodeLead.en}${data.code}`,
      '',
      `It is valid for ${data.minutes} minutes and works once.`,
      '',
      'If you are not in contact with our support team, do not give this code to anyone: someone may be',
      'trying to pass for you. You can ignore this email; nothing changes in your account.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '您的支持团队验证码',
    text: [
      `${data.name}，您好：`,
      '',
      '您正在与我们的支持团队联系，他们需要确认是您本人。',
      `${verificationCodeLead['zh-CN']}${data.code}`,
      '',
      `验证码在 ${data.minutes} 分钟内有效，且只能使用一次。`,
      '',
      '如果您没有联系我们的支持团队，请不要把验证码告诉任何人：可能有人在冒充您。',
      '您可以忽略这封邮件，您的账户不会有任何变化。',
      ''
    ].join('\n')
  })
})
