import { defineTemplate } from './template'

export interface TwoFactorDisabledData {
  /** The display name of the recipient. */
  name: string
  /** When it happened, as an ISO instant; shown in UTC. */
  disabledAt: string
  /** The portal the user signs in to, for "if this was not you". */
  portalUrl: string | null
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** Sent after an operator turned off two-factor authentication for a lost device. */
export const twoFactorDisabled = defineTemplate<TwoFactorDisabledData>({
  en: (data) => ({
    subject: 'Two-factor authentication was turned off',
    text: [
      `Hello ${data.name},`,
      '',
      `Two-factor authentication for your portal account was turned off by our support team on ${utc(data.disabledAt)},`,
      'as requested for a lost or replaced device. You have been signed out on every device.',
      '',
      'Sign in with your password' + (data.portalUrl ? ` at ${data.portalUrl}` : '') + ' and turn two-factor authentication on again',
      'with your new device.',
      '',
      'If you did not ask for this, contact our support team right away.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '双重身份验证已关闭',
    text: [
      `${data.name}，您好：`,
      '',
      `应您因设备丢失或更换提出的请求，我们的支持团队已于 ${utc(data.disabledAt)} 关闭了您门户账户的双重身份验证。`,
      '您已在所有设备上退出登录。',
      '',
      '请使用密码' + (data.portalUrl ? `在 ${data.portalUrl} ` : '') + '登录，并在新设备上重新开启双重身份验证。',
      '',
      '如果这不是您本人的请求，请立即联系我们的支持团队。',
      ''
    ].join('\n')
  })
})
