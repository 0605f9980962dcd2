import { featureStrings } from '../feature-strings'

/**
 * Refusals of the server worded from their `details.reason` (and the numbers that come with it),
 * wherever the desk shows an error: a dialog, a bulk report, the helpdesk.
 */
export const refusalsStrings = featureStrings(
  {
    mailLimit_one:
      'At most {{count}} email {{window}} can be sent to this user (reset links, username reminders, 2FA invitations, verification codes and portal invitations together). Try again in {{wait}}.',
    mailLimit_other:
      'At most {{count}} emails {{window}} can be sent to this user (reset links, username reminders, 2FA invitations, verification codes and portal invitations together). Try again in {{wait}}.',
    windowHour: 'an hour',
    windowMinutes_one: 'in {{minutes}} minute',
    windowMinutes_other: 'in {{minutes}} minutes',
    waitMinutes_one: '{{count}} minute',
    waitMinutes_other: '{{count}} minutes',
    ownPassword: 'You cannot set your own password here. Change it under My account → Password, which asks for your current password.'
  },
  {
    mailLimit_one: '{{window}}最多可向此用户发送 {{count}} 封邮件（重置链接、用户名提醒、双重身份验证邀请、验证码和门户邀请合计）。请在 {{wait}}后重试。',
    mailLimit_other: '{{window}}最多可向此用户发送 {{count}} 封邮件（重置链接、用户名提醒、双重身份验证邀请、验证码和门户邀请合计）。请在 {{wait}}后重试。',
    windowHour: '每小时',
    windowMinutes_one: '每 {{minutes}} 分钟',
    windowMinutes_other: '每 {{minutes}} 分钟',
    waitMinutes_one: '{{count}} 分钟',
    waitMinutes_other: '{{count}} 分钟',
    ownPassword: '不能在此设置您自己的密码。请在“我的账户”→“密码”中修改，那里会要求输入当前密码。'
  }
)
