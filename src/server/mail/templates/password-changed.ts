import { defineTemplate } from './template'

export interface PasswordChangedData {
  /** The display name of the recipient. */
  name: string
  /** When the change happened, as an ISO instant; shown in UTC. */
  changedAt: string
  /** The portal's URL, for "if this was not you". */
  portalUrl: string | null
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** Sent after an operator or the user sets a new password. It never contains the password. */
export const passwordChanged = defineTemplate<PasswordChangedData>({
  en: (data) => ({
    subject: 'Your password was changed',
    text: [
      `Hello ${data.name},`,
      '',
      `The password of your portal account was changed on ${utc(data.changedAt)}.`,
      'You have been signed out on every device; sign in again with the new password.',
      '',
      'If you did not expect this, contact our support team right away' + (data.portalUrl ? `: ${data.portalUrl}` : '.'),
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '您的密码已更改',
    text: [
      `${data.name}，您好：`,
      '',
      `您的门户账户密码已于 ${utc(data.changedAt)} 更改。`,
      '您已在所有设备上退出登录，请使用新密码重新登录。',
      '',
      '如果这不是您本人的操作，请立即联系我们的支持团队' + (data.portalUrl ? `：${data.portalUrl}` : '。'),
      ''
    ].join('\n')
  })
})
