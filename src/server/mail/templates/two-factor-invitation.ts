import { defineTemplate } from './template'

export interface TwoFactorInvitationData {
  /** The display name of the recipient. */
  name: string
  /** The portal the user signs in to (their website), where the account's security page is. */
  portalUrl: string | null
}

/** Sent when an operator invites a portal user to turn on two-factor authentication. No link carries a secret. */
export const twoFactorInvitation = defineTemplate<TwoFactorInvitationData>({
  en: (data) => ({
    subject: 'Protect your account with two-factor authentication',
    text: [
      `Hello ${data.name},`,
      '',
      'Our support team invites you to turn on two-factor authentication for your portal account.',
      'With it, signing in needs a code from an authenticator app on your phone as well as your password,',
      'so that a stolen password alone no longer opens your account.',
      '',
      'To set it up, sign in' + (data.portalUrl ? ` at ${data.portalUrl}` : '') + ', open your account security settings and choose',
      '"Enable two-factor authentication". It takes about a minute.',
      '',
      'We will never ask you for a code by email or on the phone.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '使用双重身份验证保护您的账户',
    text: [
      `${data.name}，您好：`,
      '',
      '我们的支持团队邀请您为门户账户开启双重身份验证。',
      '开启后，登录时除了密码，还需要输入手机上验证器应用生成的验证码，',
      '即使密码被盗，他人也无法登录您的账户。',
      '',
      '设置方法：' + (data.portalUrl ? `访问 ${data.portalUrl} 并` : '') + '登录，打开账户安全设置，选择"开启双重身份验证"。大约只需一分钟。',
      '',
      '我们绝不会通过邮件或电话向您索要验证码。',
      ''
    ].join('\n')
  })
})
