import type { RefusalReason } from '../../../shared/refusals'
import { featureStrings } from '../feature-strings'

/**
 * Each refusal reason of the server (src/shared/refusals.ts) in words: a reason without words here
 * does not compile. `mailLimit` is worded with the limit's numbers (its `_one` form is below).
 */
const reasonsEn = {
  ownAccount: 'You cannot do this to your own account; ask another administrator.',
  alreadyArchived: 'This account is already archived.',
  notArchived: 'This account is not archived.',
  accountArchived: 'This account is archived. Restore it first.',
  accountDeleted: 'This account was deleted; this action no longer applies to it.',
  notLocked: 'This account is not locked and has no failed attempts to clear.',
  twoFactorAlreadyOn: 'Two-factor authentication is already on for this user.',
  twoFactorAlreadyOff: 'Two-factor authentication is already off for this user.',
  noEmail: 'This user has no email address. Add one on the General tab first.',
  noEmailToNotify: 'The user has no email address, so the “password changed” email cannot be sent. Untick “Notify the user by email”.',
  alreadyRevoked: 'This was already revoked in the meantime. The list was refreshed.',
  alreadyGone: 'It no longer exists: someone removed it in the meantime. The list was refreshed.',
  noSuchEmail: 'This email is not in the portal\'s outbox.',
  mailboxOff: 'This portal keeps no local mailbox: emails are delivered, and their contents are never shown.',
  supportTemporaryOnly: 'Support agents may only set a temporary password: keep “User must change password at next sign-in” ticked.',
  notPortalUser: 'Portal access applies to portal users only.',
  noValidEmail: 'Grant was refused: this user has no valid email address. Add one on the General tab first.',
  emailIsAnotherLogin: 'Grant was refused: this email address is already the username of another user. Use another address.',
  alreadyGranted: 'This user already has portal access. Use “Re-send invitation” to send the welcome email again.',
  notGranted: 'This user has no portal access. Grant it first.',
  staleVersion: 'Someone changed this user in the meantime. Check the current state and try again.',
  loginConfusable: 'This username looks too much like another user’s. Choose a clearly different one.',
  mailLimit:
    'At most {{count}} emails {{window}} can be sent to this user (reset links, username reminders, 2FA invitations, verification codes and portal invitations together). Try again in {{wait}}.',
  passwordChangeRequired: 'You signed in with a temporary password. Choose a new password to continue.',
  sameAsCurrentPassword: 'Choose a password different from the current one.',
  noConfirmedEmail: 'This user’s only email address is still waiting for confirmation, so nothing can be sent to it yet.',
  companyShared: 'Other users share this company, so its name and VAT number cannot be changed from one user’s profile.',
  passwordRequired: 'Enter the current password to change the email address.',
  verificationCodeLimit: 'The most codes allowed for a while were already sent to this user. Ask the caller to read the last one, or try again later.',
  verificationCodeNotSent: 'No code was sent to this user from your session. Send a code first.',
  verificationCodeUsed: 'This code was already used. Send a new code to verify the caller again.',
  verificationCodeSpent: 'Too many wrong codes were tried: this code no longer works. Send a new code.',
  verificationCodeExpired: 'The code expired. Send a new code.'
} satisfies Record<RefusalReason, string>

const reasonsZh = {
  ownAccount: '不能对自己的账户执行此操作；请联系其他管理员。',
  alreadyArchived: '该账户已归档。',
  notArchived: '该账户未归档。',
  accountArchived: '该账户已归档。请先恢复。',
  accountDeleted: '该账户已删除；此操作不再适用。',
  notLocked: '该账户未被锁定，也没有需要清除的失败尝试。',
  twoFactorAlreadyOn: '该用户已启用双重身份验证。',
  twoFactorAlreadyOff: '该用户的双重身份验证已停用。',
  noEmail: '该用户没有电子邮件地址。请先在“常规”选项卡中添加。',
  noEmailToNotify: '该用户没有电子邮件地址，无法发送“密码已修改”邮件。请取消勾选“通过电子邮件通知用户”。',
  alreadyRevoked: '该项在此期间已被撤销。列表已刷新。',
  alreadyGone: '该项已不存在：其他人已将其移除。列表已刷新。',
  noSuchEmail: '门户的发件箱中没有这封邮件。',
  mailboxOff: '此门户没有本地邮箱：邮件照常投递，其内容从不显示。',
  supportTemporaryOnly: '支持专员只能设置临时密码：请保持勾选“用户下次登录时必须修改密码”。',
  notPortalUser: '门户访问权限仅适用于门户用户。',
  noValidEmail: '授予被拒绝：该用户没有有效的电子邮件地址。请先在“常规”选项卡中添加。',
  emailIsAnotherLogin: '授予被拒绝：该电子邮件地址已是另一个用户的用户名。请使用其他地址。',
  alreadyGranted: '该用户已拥有门户访问权限。如需再次发送欢迎邮件，请使用“重新发送邀请”。',
  notGranted: '该用户没有门户访问权限。请先授予。',
  staleVersion: '其他人在此期间修改了该用户。请查看最新状态后重试。',
  loginConfusable: '该用户名与另一个用户的用户名过于相似。请选择明显不同的用户名。',
  mailLimit: '{{window}}最多可向此用户发送 {{count}} 封邮件（重置链接、用户名提醒、双重身份验证邀请、验证码和门户邀请合计）。请在 {{wait}}后重试。',
  passwordChangeRequired: '您使用临时密码登录。请先设置新密码再继续。',
  sameAsCurrentPassword: '新密码不能与当前密码相同。',
  noConfirmedEmail: '该用户唯一的电子邮件地址仍在等待确认，因此暂时无法向其发送任何邮件。',
  companyShared: '其他用户共用该公司，因此不能从单个用户的资料中修改公司名称和税号。',
  passwordRequired: '修改电子邮件地址需要输入当前密码。',
  verificationCodeLimit: '近期已向该用户发送了允许的最多验证码。请让来电者读出最后一个验证码，或稍后再试。',
  verificationCodeNotSent: '您的会话尚未向该用户发送验证码。请先发送验证码。',
  verificationCodeUsed: '该验证码已被使用。请发送新的验证码再次验证来电者。',
  verificationCodeSpent: '错误尝试次数过多：该验证码已失效。请发送新的验证码。',
  verificationCodeExpired: '验证码已过期。请发送新的验证码。'
} satisfies Record<RefusalReason, string>

/** The reasons' words in each language, for a check that every reason has them. */
export const refusalWords: Record<'en' | 'zh-CN', Record<RefusalReason, string>> = { en: reasonsEn, 'zh-CN': reasonsZh }

/**
 * Refusals of the server worded from their `details.reason` (and the numbers that come with it),
 * wherever the desk shows an error: a dialog, a bulk report, the helpdesk.
 */
export const refusalsStrings = featureStrings(
  {
    ...reasonsEn,
    mailLimit_one:
      'At most {{count}} email {{window}} can be sent to this user (reset links, username reminders, 2FA invitations, verification codes and portal invitations together). Try again in {{wait}}.',
    windowHour: 'an hour',
    windowMinutes_one: 'in {{minutes}} minute',
    windowMinutes_other: 'in {{minutes}} minutes',
    waitMinutes_one: '{{count}} minute',
    waitMinutes_other: '{{count}} minutes',
    ownPassword: 'You cannot set your own password here. Change it under My account → Password, which asks for your current password.'
  },
  {
    ...reasonsZh,
    mailLimit_one: '{{window}}最多可向此用户发送 {{count}} 封邮件（重置链接、用户名提醒、双重身份验证邀请、验证码和门户邀请合计）。请在 {{wait}}后重试。',
    windowHour: '每小时',
    windowMinutes_one: '每 {{minutes}} 分钟',
    windowMinutes_other: '每 {{minutes}} 分钟',
    waitMinutes_one: '{{count}} 分钟',
    waitMinutes_other: '{{count}} 分钟',
    ownPassword: '不能在此设置您自己的密码。请在“我的账户”→“密码”中修改，那里会要求输入当前密码。'
  }
)
