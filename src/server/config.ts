import { isIP } from 'node:net'
import { z } from 'zod'
import { operatorTwoFactorPolicies, type OperatorTwoFactorPolicy } from '../shared/operator-account'

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

export const mailboxModes = ['off', 'local'] as const
export type MailboxMode = (typeof mailboxModes)[number]

const positiveInt = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`)

/** Names proxy-addr (Fastify's trustProxy) expands to address ranges. */
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal']

/** One entry of a TRUST_PROXY list: an IP address, a CIDR range (address/prefix) or a range name. */
function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.includes(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY: which proxies in front of the server may say who the client is (X-Forwarded-For).
 * A whole number is a hop count; otherwise a comma-separated list of proxy addresses and CIDR ranges.
 * Unset: none, and request.ip is the socket's peer. "Trust everyone" is not offered: a client could
 * then name any address and escape the per-IP sign-in limit.
 */
const trustProxySetting = z
  .string()
  .trim()
  .transform((value, ctx): number | string[] => {
    if (/^\d+$/.test(value)) {
      const hops = Number(value)
      if (hops >= 1 && hops <= 10) return hops
      ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY as a hop count must be between 1 and 10' })
      return z.NEVER
    }
    const entries = value.split(',').map((entry) => entry.trim())
    const wrong = entries.filter((entry) => !isProxyAddress(entry))
    if (wrong.length === 0) return entries
    ctx.addIssue({
      code: 'custom',
      message: `TRUST_PROXY must be a hop count (1 to 10) or a comma-separated list of proxy addresses or CIDR ranges such as 10.0.0.0/8; not valid: ${wrong.map((entry) => JSON.stringify(entry)).join(', ')}`
    })
    return z.NEVER
  })

const configSchema = z.object({
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(4780),
  DATA_DIR: z.string().trim().min(1, 'DATA_DIR must not be empty').default('./.portal-data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  MIGRATION_DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'MIGRATION_DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(', ')}` }).default('info'),
  SESSION_IDLE_MINUTES: positiveInt('SESSION_IDLE_MINUTES', 7 * 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt('SESSION_ABSOLUTE_HOURS', 24 * 90).default(12),
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\/[^\s]+$/.test(value) && URL.canParse(value), 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  MAIL_POLL_MS: positiveInt('MAIL_POLL_MS', 60_000).optional(),
  MAILBOX: z.enum(mailboxModes, { error: `MAILBOX must be one of ${mailboxModes.join(', ')}` }).default('off'),
  MAIL_FROM: z.string().trim().min(3, 'MAIL_FROM must be an address such as "Portal <no-reply@example.com>"').max(254).optional(),
  PUBLIC_URL: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), 'PUBLIC_URL must start with http:// or https://')
    .optional(),
  // Defaults (60 minutes, 72 hours) live with the links: domain/reset/links.ts.
  RESET_LINK_TTL_MINUTES: positiveInt('RESET_LINK_TTL_MINUTES', 7 * 24 * 60).optional(),
  INVITE_LINK_TTL_HOURS: positiveInt('INVITE_LINK_TTL_HOURS', 30 * 24).optional(),
  OPERATOR_2FA: z.enum(operatorTwoFactorPolicies, { error: `OPERATOR_2FA must be one of ${operatorTwoFactorPolicies.join(', ')}` }).default('optional'),
  TRUST_PROXY: trustProxySetting.optional()
})

export interface ServerConfig {
  host: string
  port: number
  dataDir: string
  /** Unset: embedded PGlite stored in `dataDir`. */
  databaseUrl: string | undefined
  /**
   * Who migrates (and seeds): the owner of the tables. Default: `databaseUrl`. The server may run as a
   * role with fewer rights (`setup-roles`); it then migrates at start through this URL.
   */
  migrationDatabaseUrl?: string | undefined
  logLevel: LogLevel
  sessionIdleMs: number
  sessionAbsoluteMs: number
  /** Unset: emails stay in the outbox as not delivered (the embedded default). */
  smtpUrl?: string | undefined
  /**
   * MAILBOX=local: the outbox keeps full bodies (links and codes) and operators read them through
   * GET /api/v1/mailbox. Meant for a local or staging portal only; 'off' (the default) scrubs them.
   */
  mailbox?: MailboxMode
  /** How often the mail worker looks for pending emails; unset: every 5 seconds. */
  mailPollMs?: number
  /** The sender of every email; default `PortalDesk <no-reply@localhost>`. */
  mailFrom?: string | undefined
  /** Where emailed links point (reset and invitation links); default `http://HOST:PORT` as bound. */
  publicUrl?: string | undefined
  /** How long an emailed reset link stays valid; unset: one hour. */
  resetLinkTtlMs?: number
  /** How long a welcome email's set-password link stays valid; unset: 72 hours. */
  inviteLinkTtlMs?: number
  /** OPERATOR_2FA=required: administrators set up TOTP before they can act; unset: 'optional'. */
  operatorTwoFactor?: OperatorTwoFactorPolicy
  /**
   * TRUST_PROXY: the proxies whose X-Forwarded-For is believed, as a hop count or a list of addresses
   * and CIDR ranges (Fastify's `trustProxy`). Unset: none; the client IP is the connection's peer.
   */
  trustProxy?: number | string[]
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The portal server configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Reads the configuration from environment variables; empty strings count as unset. */
export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== '')
  )
  const result = configSchema.safeParse(present)
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
  }
  const c = result.data
  if (c.MIGRATION_DATABASE_URL !== undefined && c.DATABASE_URL === undefined) {
    throw new ConfigError(['MIGRATION_DATABASE_URL: set DATABASE_URL too; without it the server uses the embedded PGlite database'])
  }
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: c.DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    migrationDatabaseUrl: c.MIGRATION_DATABASE_URL ?? c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    sessionIdleMs: c.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: c.SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    mailbox: c.MAILBOX,
    ...(c.MAIL_POLL_MS === undefined ? {} : { mailPollMs: c.MAIL_POLL_MS }),
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    ...(c.RESET_LINK_TTL_MINUTES === undefined ? {} : { resetLinkTtlMs: c.RESET_LINK_TTL_MINUTES * 60_000 }),
    ...(c.INVITE_LINK_TTL_HOURS === undefined ? {} : { inviteLinkTtlMs: c.INVITE_LINK_TTL_HOURS * 3_600_000 }),
    operatorTwoFactor: c.OPERATOR_2FA,
    ...(c.TRUST_PROXY === undefined ? {} : { trustProxy: c.TRUST_PROXY })
  }
}
