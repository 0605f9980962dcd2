import { defineTemplate } from './template'

export interface UsernameReminderData {
  /** The display name of the recipient. */
  name: string
  /** The username (login) the user signs in with. */
  login: string
  /** The portal the user signs in to (their website). */
  portalUrl: string | null
}

/** The "forgotten username" ticket: the username, sent only to the account's own primary email. */
export const usernameReminder = defineTemplate<UsernameReminderData>({
  en: (data) => ({
    subject: 'Your username',
    text: [
      `Hello ${data.name},`,
      '',
      'As you asked our support team, here is the username of your portal account:',
      '',
      `    ${data.login}`,
      '',
      'Sign in' + (data.portalUrl ? ` at ${data.portalUrl}` : '') + ' with it and your password. If you forgot the password too, choose',
      '"Forgot password" on the sign-in page.',
      '',
      'If you did not ask for this, you can ignore this email; nothing changed in your account.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '您的用户名',
    text: [
      `${data.name}，您好：`,
      '',
      '应您向支持团队提出的请求，以下是您门户账户的用户名：',
      '',
      `    ${data.login}`,
      '',
      (data.portalUrl ? `请访问 ${data.portalUrl}，` : '请') + '使用该用户名和您的密码登录。如果您也忘记了密码，请在登录页面选择"忘记密码"。',
      '',
      '如果这不是您本人的请求，可以忽略这封邮件，您的账户没有任何变化。',
      ''
    ].join('\n')
  })
})
