import { defineTemplate } from './template'

/** The emails of an email change. None of them carries a password; links carry single-use tokens. */

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

export interface EmailChangeConfirmData {
  name: string
  /** The new address, as typed. */
  newEmail: string
  /** Single use; the outbox redacts its token once the email left. */
  link: string
  expiresAt: string
}

/** To the new address: follow the link to make it the account's address. */
export const emailChangeConfirm = defineTemplate<EmailChangeConfirmData>({
  en: (data) => ({
    subject: 'Confirm your new email address',
    text: [
      `Hello ${data.name},`,
      '',
      `You asked to use ${data.newEmail} for your portal account. Open this link and press "Confirm" to make it your address:`,
      '',
      data.link,
      '',
      `The link works once and expires on ${utc(data.expiresAt)}. Until then, we keep writing to your previous address.`,
      'If you did not ask for this, ignore this email: nothing changes.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '请确认您的新邮箱地址',
    text: [
      `${data.name}，您好：`,
      '',
      `您申请将门户账户的邮箱地址改为 ${data.newEmail}。请打开以下链接并点击“确认”：`,
      '',
      data.link,
      '',
      `该链接只能使用一次，将于 ${utc(data.expiresAt)} 失效。在此之前，我们仍会发送邮件到您原来的地址。`,
      '如果这不是您本人的申请，请忽略此邮件，账户不会有任何变化。',
      ''
    ].join('\n')
  })
})

export interface EmailChangeTakenData {
  newEmail: string
}

/**
 * To an address that already belongs to an account, when another account asked for it: the answer
 * to that account is the same as for a free address, so only this email says what happened. It names
 * nobody and carries no link.
 */
export const emailChangeTaken = defineTemplate<EmailChangeTakenData>({
  en: (data) => ({
    subject: 'Someone tried to use your email address',
    text: [
      'Hello,',
      '',
      `Someone asked to use ${data.newEmail} for another portal account. This address already belongs to an account, so nothing was changed.`,
      'If it was you, sign in with the account that already uses this address. Otherwise you need not do anything.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '有人尝试使用您的邮箱地址',
    text: [
      '您好：',
      '',
      `有人申请将 ${data.newEmail} 用于另一个门户账户。该地址已属于一个账户，因此没有做任何更改。`,
      '如果是您本人，请使用已绑定该地址的账户登录；否则无需任何操作。',
      ''
    ].join('\n')
  })
})

export interface EmailChangeNoticeData {
  name: string
  /** The new address, masked (`n***@example.com`): the old mailbox learns that, not the whole address. */
  maskedNewEmail: string
  requestedAt: string
  /** Undoes the change; single use. */
  undoLink: string
  undoExpiresAt: string
}

/** To the old address, at once: a change was asked for, and how to undo it. */
export const emailChangeNotice = defineTemplate<EmailChangeNoticeData>({
  en: (data) => ({
    subject: 'The email address of your portal account is being changed',
    text: [
      `Hello ${data.name},`,
      '',
      `On ${utc(data.requestedAt)} someone signed in to your portal account asked to change its email address to ${data.maskedNewEmail}.`,
      'The change takes effect only once the new address is confirmed.',
      '',
      'If this was not you, undo it with this link. It keeps this address, signs you out on every device, removes the passkeys and the authenticator app, and asks you to choose a new password:',
      '',
      data.undoLink,
      '',
      `The link works once, until ${utc(data.undoExpiresAt)}. If it was you, you need not do anything.`,
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '您的门户账户邮箱地址正在被更改',
    text: [
      `${data.name}，您好：`,
      '',
      `${utc(data.requestedAt)}，有人登录您的门户账户并申请将邮箱地址改为 ${data.maskedNewEmail}。`,
      '新地址确认后更改才会生效。',
      '',
      '如果这不是您本人的操作，请通过以下链接撤销。撤销后将保留此地址，您将在所有设备上退出登录，通行密钥和身份验证器应用将被移除，并需要设置新密码：',
      '',
      data.undoLink,
      '',
      `该链接只能使用一次，有效期至 ${utc(data.undoExpiresAt)}。如果是您本人的操作，无需任何处理。`,
      ''
    ].join('\n')
  })
})

export interface EmailChangedByAdministratorData {
  name: string
  /** Null when the address was removed. */
  maskedNewEmail: string | null
  changedAt: string
}

/** To the old address when an administrator changed it: no undo link (the administrator vouched), but the owner knows. */
export const emailChangedByAdministrator = defineTemplate<EmailChangedByAdministratorData>({
  en: (data) => ({
    subject: 'The email address of your portal account was changed',
    text: [
      `Hello ${data.name},`,
      '',
      data.maskedNewEmail
        ? `On ${utc(data.changedAt)} our team changed the email address of your portal account to ${data.maskedNewEmail}. We will no longer write to this address.`
        : `On ${utc(data.changedAt)} our team removed this email address from your portal account. We will no longer write to it.`,
      'If you did not ask for this, contact our support team right away.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '您的门户账户邮箱地址已被更改',
    text: [
      `${data.name}，您好：`,
      '',
      data.maskedNewEmail
        ? `${utc(data.changedAt)}，我们的团队已将您门户账户的邮箱地址改为 ${data.maskedNewEmail}。我们今后将不再发送邮件到此地址。`
        : `${utc(data.changedAt)}，我们的团队已从您的门户账户中移除此邮箱地址。我们今后将不再发送邮件到此地址。`,
      '如果这不是您申请的，请立即联系我们的支持团队。',
      ''
    ].join('\n')
  })
})
