import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../../src/server/config'
import { redactOneTimeSecrets } from '../../../src/server/domain/mail/outbox'
import { escapeHtml, languageFromHeader, renderResetPage } from '../../../src/server/mail/reset-page'
import { isPermanentRefusal } from '../../../src/server/mail/smtp-transport'
import { renderMail } from '../../../src/server/mail/templates'
import { retryDelayMs, storableError } from '../../../src/server/mail/worker'

describe('mail worker rules', () => {
  it('backs off exponentially from the base, capped', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n, 60_000, 3_600_000))).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000, 3_600_000])
  })

  it('treats 5yz replies as permanent except 503, and everything else as temporary', () => {
    expect(isPermanentRefusal({ message: 'x', responseCode: 550 })).toBe(true)
    expect(isPermanentRefusal({ message: 'x', responseCode: 553 })).toBe(true)
    expect(isPermanentRefusal({ message: 'x', responseCode: 503 })).toBe(false)
    expect(isPermanentRefusal({ message: 'x', responseCode: 451 })).toBe(false)
    expect(isPermanentRefusal({ message: 'connect ECONNREFUSED', code: 'ESOCKET' })).toBe(false)
  })

  it('keeps no credentials and at most 1000 characters of an error', () => {
    expect(storableError({ message: 'cannot reach smtp://mailer:s3cret@mail.example.com:587', responseCode: 421 })).toBe('421 cannot reach smtp://[credentials]@mail.example.com:587')
    expect(storableError({ message: 'y'.repeat(5000) })).toHaveLength(1000)
  })

  it('removes link tokens from a delivered body', () => {
    const token = 'A'.repeat(43)
    expect(redactOneTimeSecrets(`Open http://x/reset-password?token=${token}\nbye`)).toBe('Open http://x/reset-password?token=[removed]\nbye')
    // The helpdesk's verification code goes too, in both languages; other numbers stay.
    expect(redactOneTimeSecrets('Read them this code: 493027\nIt is valid for 10 minutes.')).toBe('Read them this code: [removed]\nIt is valid for 10 minutes.')
    expect(redactOneTimeSecrets('请将以下验证码告诉他们：493027')).toBe('请将以下验证码告诉他们：[removed]')
    expect(redactOneTimeSecrets('Order 493027 shipped')).toBe('Order 493027 shipped')
  })
})

describe('mail templates', () => {
  it('renders the reset link and welcome emails in both languages, with the link and without any password', () => {
    const link = 'https://portal.example.com/reset-password?token=abc'
    for (const language of ['en', 'zh-CN'] as const) {
      const reset = renderMail('resetLink', language, { name: '王芳', link, expiresAt: '2026-03-02T09:00:00.000Z', reason: 'required' })
      expect(reset.text).toContain(link)
      expect(reset.text).toContain('2026-03-02 09:00 UTC')
      const welcome = renderMail('welcome', language, { name: 'Ada', login: 'ada', link, expiresAt: '2026-03-05T08:00:00.000Z' })
      expect(welcome.text).toContain('ada')
      expect(welcome.text).toContain(link)
    }
    expect(renderMail('resetLink', 'zh-CN', { name: 'x', link, expiresAt: '2026-03-02T09:00:00.000Z', reason: 'requested' }).subject).toBe('重置您的门户密码')
  })
})

describe('reset page', () => {
  it('escapes everything it shows and allows only its own nonce-styled content', () => {
    expect(escapeHtml(`<script>"'&\``)).toBe('&#60;script&#62;&#34;&#39;&#38;&#96;')
    const page = renderResetPage('en', { kind: 'form', token: '"><script>alert(1)</script>', purpose: 'reset', error: '<b>bad</b>' })
    expect(page.html).not.toContain('<script>')
    expect(page.html).not.toContain('<b>')
    const nonce = /nonce="([^"]+)"/.exec(page.html)?.[1]
    expect(page.csp).toContain(`style-src 'nonce-${nonce}'`)
    expect(page.csp).toContain("default-src 'none'")
    expect(page.csp).toContain("frame-ancestors 'none'")
    expect(renderResetPage('en', { kind: 'invalid' }).csp).not.toBe(page.csp)
  })

  it('speaks the browser language only when no usable link names the user', () => {
    expect(languageFromHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN')
    expect(languageFromHeader('de-DE,zh;q=0.5')).toBe('en')
    expect(languageFromHeader(undefined)).toBe('en')
    expect(renderResetPage('zh-CN', { kind: 'invalid' }).html).toContain('此链接无法使用')
  })
})

describe('mail and link configuration', () => {
  it('reads SMTP_URL, MAIL_FROM, PUBLIC_URL and the link lifetimes; unset means no delivery and the defaults', () => {
    const config = parseConfig({
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      MAIL_FROM: 'Portal <no-reply@example.com>',
      PUBLIC_URL: 'https://portal.example.com/',
      RESET_LINK_TTL_MINUTES: '30',
      INVITE_LINK_TTL_HOURS: '24'
    })
    expect(config).toMatchObject({
      smtpUrl: 'smtps://user:pass@mail.example.com:465',
      mailFrom: 'Portal <no-reply@example.com>',
      publicUrl: 'https://portal.example.com',
      resetLinkTtlMs: 30 * 60_000,
      inviteLinkTtlMs: 24 * 3_600_000
    })
    const defaults = parseConfig({})
    expect(defaults.smtpUrl).toBeUndefined()
    expect(defaults.publicUrl).toBeUndefined()
    expect(defaults.resetLinkTtlMs).toBeUndefined()
  })

  it('names every bad mail variable', () => {
    try {
      parseConfig({ SMTP_URL: 'mail.example.com', PUBLIC_URL: 'ftp://x', RESET_LINK_TTL_MINUTES: '0' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const problems = (error as ConfigError).problems.join('\n')
      expect(problems).toContain('SMTP_URL')
      expect(problems).toContain('PUBLIC_URL')
      expect(problems).toContain('RESET_LINK_TTL_MINUTES')
    }
  })
})
