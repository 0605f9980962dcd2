import type { Locale } from '../../shared/errors'
import { emailChangePages } from '../domain/email-change/links'
import { escapeHtml, renderPage, type RenderedPage } from './reset-page'

/**
 * The public pages of an email change's two links. GET shows a button, POST acts: mail scanners fetch
 * links, and a fetch must not confirm or undo anything.
 */
export type EmailChangePageView =
  | { kind: 'confirmForm'; token: string; newEmail: string }
  | { kind: 'confirmed'; email: string }
  | { kind: 'confirmInvalid' }
  | { kind: 'confirmTaken' }
  | { kind: 'undoForm'; token: string }
  | { kind: 'undone' }
  | { kind: 'undoInvalid' }

const texts = {
  en: {
    confirmTitle: 'Confirm your new email address',
    confirmIntro: 'Press the button to make this the email address of your portal account:',
    confirmButton: 'Confirm',
    confirmedTitle: 'Your email address is changed',
    confirmed: 'From now on we write to this address:',
    confirmInvalidTitle: 'This link cannot be used',
    confirmInvalid:
      'The link is not valid any more: it may have expired (links work for 24 hours), been used already, been replaced by a newer change, or the change was undone. Nothing was changed.',
    confirmTakenTitle: 'This address cannot be used',
    confirmTaken: 'This email address now belongs to another account, so it cannot be used for yours. Nothing was changed.',
    undoTitle: 'Undo the email change',
    undoIntro:
      'If you did not ask to change the email address of your portal account, undo it here. Your account keeps this address, you are signed out on every device, and you must choose a new password before you can sign in: we send the link to this address. Whoever made the change may have added a passkey or an authenticator app, so all of them are removed too.',
    undoButton: 'Undo the change',
    undoneTitle: 'The change is undone',
    undone:
      'Your account keeps its previous email address, every session has ended, and its passkeys, authenticator app and remembered devices are removed. Check this mailbox for the link to choose a new password, then set up your passkeys and two-factor authentication again.',
    undoInvalidTitle: 'This link cannot be used',
    undoInvalid: 'The link is not valid any more: it may have expired (links work for 7 days) or been used already. If you need help, contact our support team.'
  },
  'zh-CN': {
    confirmTitle: '确认您的新邮箱地址',
    confirmIntro: '点击按钮，将以下地址设为您门户账户的邮箱地址：',
    confirmButton: '确认',
    confirmedTitle: '您的邮箱地址已更改',
    confirmed: '今后我们将发送邮件到以下地址：',
    confirmInvalidTitle: '此链接无法使用',
    confirmInvalid: '该链接已失效：可能已过期（链接有效期为 24 小时）、已被使用、已被新的更改取代，或该更改已被撤销。账户没有任何变化。',
    confirmTakenTitle: '此地址无法使用',
    confirmTaken: '该邮箱地址现已属于另一个账户，因此不能用于您的账户。账户没有任何变化。',
    undoTitle: '撤销邮箱地址更改',
    undoIntro:
      '如果您没有申请更改门户账户的邮箱地址，请在此撤销。您的账户将保留此地址，您将在所有设备上退出登录，并且必须先设置新密码才能登录：我们会将链接发送到此地址。进行更改的人可能添加了通行密钥或身份验证器应用，因此它们也会全部被移除。',
    undoButton: '撤销更改',
    undoneTitle: '更改已撤销',
    undone: '您的账户保留原来的邮箱地址，所有会话均已结束，通行密钥、身份验证器应用和已记住的设备均已移除。请在此邮箱中查收设置新密码的链接，然后重新设置通行密钥和双重身份验证。',
    undoInvalidTitle: '此链接无法使用',
    undoInvalid: '该链接已失效：可能已过期（链接有效期为 7 天）或已被使用。如需帮助，请联系我们的支持团队。'
  }
} as const satisfies Record<Locale, Record<string, string>>

const heading = (title: string) => `<h1>${escapeHtml(title)}</h1>`
const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`

function form(action: string, token: string, button: string): string {
  return [
    `<form method="post" action="${escapeHtml(action)}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    `<button type="submit">${escapeHtml(button)}</button>`,
    '</form>'
  ].join('\n')
}

export function renderEmailChangePage(language: Locale, view: EmailChangePageView): RenderedPage {
  const t = texts[language]
  const page = (title: string, ...parts: string[]) => renderPage(language, title, [heading(title), ...parts].join('\n'))
  switch (view.kind) {
    case 'confirmForm':
      return page(t.confirmTitle, paragraph(t.confirmIntro), `<p><strong>${escapeHtml(view.newEmail)}</strong></p>`, form(emailChangePages.confirm, view.token, t.confirmButton))
    case 'confirmed':
      return page(t.confirmedTitle, paragraph(t.confirmed), `<p><strong>${escapeHtml(view.email)}</strong></p>`)
    case 'confirmInvalid':
      return page(t.confirmInvalidTitle, paragraph(t.confirmInvalid))
    case 'confirmTaken':
      return page(t.confirmTakenTitle, paragraph(t.confirmTaken))
    case 'undoForm':
      return page(t.undoTitle, paragraph(t.undoIntro), form(emailChangePages.undo, view.token, t.undoButton))
    case 'undone':
      return page(t.undoneTitle, paragraph(t.undone))
    case 'undoInvalid':
      return page(t.undoInvalidTitle, paragraph(t.undoInvalid))
  }
}
