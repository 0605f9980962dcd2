import { defineTemplate } from './template'

export interface WelcomeData {
  name: string
  /** The login the user signs in with. */
  login: string
  /** The single-use link to choose a password (purpose 'invite'). */
  link: string
  /** ISO instant, shown in UTC. */
  expiresAt: string
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** Odoo's portal invitation: access was granted (or the invitation is sent again). */
export const welcome = defineTemplate<WelcomeData>({
  en: (data) => ({
    subject: 'Welcome to the customer portal',
    text: [
      `Hello ${data.name},`,
      '',
      'You have been given access to our customer portal.',
      `Your login is: ${data.login}`,
      '',
      'Choose your password with this link:',
      data.link,
      '',
      `The link works once and expires on ${utc(data.expiresAt)}. If it has expired, ask us to send a new invitation.`,
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '欢迎使用客户门户',
    text: [
      `${data.name}，您好：`,
      '',
      '您已获得我们客户门户的访问权限。',
      `您的登录名：${data.login}`,
      '',
      '请通过以下链接设置密码：',
      data.link,
      '',
      `该链接只能使用一次，将于 ${utc(data.expiresAt)} 失效。如果链接已失效，请联系我们重新发送邀请。`,
      ''
    ].join('\n')
  })
})
