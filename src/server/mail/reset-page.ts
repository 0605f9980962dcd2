import { randomBytes } from 'node:crypto'
import type { Locale } from '../../shared/errors'
import { passwordMaxLength, passwordMinLength } from '../../shared/passwords'

/**
 * The public page behind an emailed link (GET/POST /reset-password): self-contained HTML, no script,
 * no external asset, every interpolated value escaped, styles allowed by a per-response nonce only.
 */
export type ResetPageView =
  | { kind: 'form'; token: string; purpose: 'reset' | 'invite'; error: string | null }
  | { kind: 'invalid' }
  | { kind: 'done'; purpose: 'reset' | 'invite' }

export interface RenderedPage {
  html: string
  /** The Content-Security-Policy header that goes with this html (its style nonce). */
  csp: string
}

const texts = {
  en: {
    resetTitle: 'Choose a new password',
    inviteTitle: 'Choose your password',
    intro: `Use ${passwordMinLength} to ${passwordMaxLength} characters. A phrase of several unrelated words works well; common passwords are refused.`,
    password: 'New password',
    confirm: 'Repeat the new password',
    submit: 'Set password',
    invalidTitle: 'This link cannot be used',
    invalid: 'The link is not valid any more: it may have expired, been used already or been replaced by a newer one. Ask for a new link.',
    doneTitle: 'Your password is set',
    done: 'You can now sign in with your new password. You have been signed out on every device.',
    mismatch: 'The two passwords are not the same.',
    policy: 'This password cannot be used.'
  },
  'zh-CN': {
    resetTitle: '设置新密码',
    inviteTitle: '设置您的密码',
    intro: `请使用 ${passwordMinLength} 至 ${passwordMaxLength} 个字符。建议使用由几个不相关的词组成的短语；常见密码将被拒绝。`,
    password: '新密码',
    confirm: '再次输入新密码',
    submit: '设置密码',
    invalidTitle: '此链接无法使用',
    invalid: '该链接已失效：可能已过期、已被使用，或已被新的链接取代。请重新申请链接。',
    doneTitle: '密码已设置',
    done: '现在您可以使用新密码登录。您已在所有设备上退出登录。',
    mismatch: '两次输入的密码不一致。',
    policy: '此密码不能使用：至少 8 个字符，且不能是常见或容易猜到的密码。'
  }
} as const satisfies Record<Locale, Record<string, string>>

export type ResetPageTexts = (typeof texts)[Locale]

export function resetPageTexts(language: Locale): ResetPageTexts {
  return texts[language]
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`)
}

const style = `body{font:16px/1.5 system-ui,sans-serif;background:#f5f5f5;color:#1f1f1f;margin:0}
main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #bbb;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.6rem;font:inherit;font-weight:600;color:#fff;background:#1668dc;border:0;border-radius:4px}
.error{color:#a8071a;background:#fff1f0;border:1px solid #ffa39e;padding:.5rem;border-radius:4px}
:root{color-scheme:light dark}
@media (prefers-color-scheme:dark){body{background:#141414;color:#e8e8e8}main{background:#1f1f1f;box-shadow:0 1px 4px rgba(0,0,0,.6)}
input{background:#141414;color:inherit;border-color:#555}.error{color:#ffa39e;background:#2a1215;border-color:#5c2223}}`

export function renderResetPage(language: Locale, view: ResetPageView): RenderedPage {
  const t = texts[language]
  let title: string
  let body: string
  if (view.kind === 'form') {
    title = view.purpose === 'invite' ? t.inviteTitle : t.resetTitle
    body = [
      `<h1>${escapeHtml(title)}</h1>`,
      view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : '',
      `<p>${escapeHtml(t.intro)}</p>`,
      '<form method="post" action="/reset-password">',
      `<input type="hidden" name="token" value="${escapeHtml(view.token)}">`,
      `<label for="password">${escapeHtml(t.password)}</label>`,
      `<input id="password" name="password" type="password" autocomplete="new-password" required minlength="${passwordMinLength}" maxlength="${passwordMaxLength}">`,
      `<label for="confirm">${escapeHtml(t.confirm)}</label>`,
      `<input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="${passwordMinLength}" maxlength="${passwordMaxLength}">`,
      `<button type="submit">${escapeHtml(t.submit)}</button>`,
      '</form>'
    ].join('\n')
  } else if (view.kind === 'invalid') {
    title = t.invalidTitle
    body = `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t.invalid)}</p>`
  } else {
    title = t.doneTitle
    body = `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t.done)}</p>`
  }
  return renderPage(language, title, body)
}

/**
 * A public page around `body` (already escaped HTML): no script, no external asset, styles allowed
 * by a per-response nonce only, forms posting to this server only. Shared by every emailed link's page.
 */
export function renderPage(language: Locale, title: string, body: string): RenderedPage {
  const nonce = randomBytes(16).toString('base64')
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`
  return { html, csp }
}

/** The page's language when no usable link says whose it is: from Accept-Language, else English. */
export function languageFromHeader(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('zh') ? 'zh-CN' : 'en'
}
