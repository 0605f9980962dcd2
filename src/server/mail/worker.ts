import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import { isBlocked } from '../domain/blocklist/normalize'
import { redactOneTimeSecrets } from '../domain/mail/outbox'
import { isPermanentRefusal, type DeliveryError, type MailTransport } from './smtp-transport'

export interface WorkerLogger {
  info(details: Record<string, unknown>, message: string): void
  warn(details: Record<string, unknown>, message: string): void
}

export interface MailWorkerOptions {
  db: Kysely<Database>
  clock: Clock
  transport: MailTransport
  from: string
  logger?: WorkerLogger
  /** Between two looks at the outbox (real time; the clock decides what is due). Default 5 s. */
  pollIntervalMs?: number
  batchSize?: number
  /** After this many failed attempts an email is 'failed'. Default 8. */
  maxAttempts?: number
  /** First retry delay, doubled at each attempt up to retryMaxMs. Defaults 1 min and 1 h. */
  retryBaseMs?: number
  retryMaxMs?: number
  /**
   * MAILBOX=local: keep the full body (links and codes) once an email left, for the local mailbox.
   * Default false: a final email's one-time secrets are removed from the stored body.
   */
  keepBodies?: boolean
  /** How long a claimed email stays invisible to other workers while it is being sent. Default 5 min. */
  leaseMs?: number
}

export interface DeliveryRound {
  sent: number
  retried: number
  failed: number
  blocked: number
}

export interface MailWorker {
  /** Sends what is due now; one round, awaited (tests drive the worker with it). */
  runOnce(): Promise<DeliveryRound>
  /** Polls every pollIntervalMs until stop(). */
  start(): void
  /** Stops polling, waits for the round in flight, closes the transport. */
  stop(): Promise<void>
}

/** attempts = failures so far (≥ 1): base · 2^(attempts − 1), capped. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
}

/** An error as the outbox keeps it: no credentials of an SMTP URL, bounded. */
export function storableError(error: DeliveryError): string {
  const text = `${error.responseCode ? `${error.responseCode} ` : ''}${error.message || error.code || 'delivery failed'}`
  return text.replace(/\b(smtps?:\/\/)[^@\s/]*@/gi, '$1[credentials]@').slice(0, 1000)
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error && typeof error === 'object') {
    const { message, responseCode, code } = error as { message?: unknown; responseCode?: unknown; code?: unknown }
    return {
      message: typeof message === 'string' ? message : String(error),
      ...(typeof responseCode === 'number' ? { responseCode } : {}),
      ...(typeof code === 'string' ? { code } : {})
    }
  }
  return { message: String(error) }
}

/**
 * Delivers the outbox: claims due 'pending' rows (attempts + 1 and a lease on next_attempt_at, with
 * SKIP LOCKED, so that several server instances never send one email twice at once and a crash
 * mid-send only delays it), re-checks the block list, sends each through the transport outside any
 * transaction, then records sent, a retry with exponential backoff, or failed. Once an email is
 * final its link token is removed from the stored body (unless keepBodies: MAILBOX=local).
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, clock, transport, from, logger } = options
  const pollIntervalMs = options.pollIntervalMs ?? 5_000
  const batchSize = options.batchSize ?? 20
  const maxAttempts = options.maxAttempts ?? 8
  const retryBaseMs = options.retryBaseMs ?? 60_000
  const retryMaxMs = options.retryMaxMs ?? 3_600_000
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const storedBody = options.keepBodies === true ? (body: string) => body : redactOneTimeSecrets
  let timer: NodeJS.Timeout | null = null
  let inFlight: Promise<DeliveryRound> | null = null
  let stopped = false

  async function claim(now: Date) {
    return db
      .updateTable('outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + leaseMs) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
      )
      .where('status', '=', 'pending')
      .returning(['id', 'to_address', 'subject', 'body_text', 'attempts'])
      .execute()
  }

  async function finish(id: string, values: { status: 'sent' | 'failed' | 'blocked'; lastError: string | null; body: string; at: Date }) {
    await db
      .updateTable('outbox')
      .set({
        status: values.status,
        next_attempt_at: null,
        last_error: values.lastError,
        body_text: storedBody(values.body),
        ...(values.status === 'sent' ? { sent_at: values.at } : {})
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute()
  }

  async function deliverDue(): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, retried: 0, failed: 0, blocked: 0 }
    const rows = await claim(clock.now())
    for (const row of rows) {
      // The address may have been blocked after the email was queued.
      if (await isBlocked(db, 'email', row.to_address)) {
        await finish(row.id, { status: 'blocked', lastError: null, body: row.body_text, at: clock.now() })
        round.blocked++
        continue
      }
      try {
        await transport.send({ from, to: row.to_address, subject: row.subject, text: row.body_text, outboxId: row.id })
        await finish(row.id, { status: 'sent', lastError: null, body: row.body_text, at: clock.now() })
        round.sent++
      } catch (thrown) {
        const error = asDeliveryError(thrown)
        const lastError = storableError(error)
        if (isPermanentRefusal(error) || row.attempts >= maxAttempts) {
          await finish(row.id, { status: 'failed', lastError, body: row.body_text, at: clock.now() })
          round.failed++
          logger?.warn({ outboxId: row.id, attempts: row.attempts, error: lastError }, 'an email could not be delivered and was given up')
        } else {
          const retryAt = new Date(clock.now().getTime() + retryDelayMs(row.attempts, retryBaseMs, retryMaxMs))
          await db
            .updateTable('outbox')
            .set({ next_attempt_at: retryAt, last_error: lastError })
            .where('id', '=', row.id)
            .where('status', '=', 'pending')
            .execute()
          round.retried++
          logger?.info({ outboxId: row.id, attempts: row.attempts, retryAt: retryAt.toISOString(), error: lastError }, 'an email will be retried')
        }
      }
    }
    return round
  }

  function runOnce(): Promise<DeliveryRound> {
    // One round at a time: a poll arriving during a slow round joins it.
    inFlight ??= deliverDue().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => logger?.warn({ error: asDeliveryError(error).message }, 'the mail worker could not read the outbox; it will try again'))
        .finally(schedule)
    }, pollIntervalMs)
    timer.unref()
  }

  return {
    runOnce,
    start() {
      stopped = false
      if (!timer) schedule()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      await inFlight?.catch(() => undefined)
      transport.close()
    }
  }
}
