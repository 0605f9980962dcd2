import { createTransport } from 'nodemailer'

export interface OutgoingMail {
  from: string
  to: string
  subject: string
  text: string
  /** The outbox id, as a Message-ID-like header: lets a receiver spot a duplicate after a retry. */
  outboxId: string
}

/** What the worker needs of SMTP; tests pass a stand-in or a real nodemailer transport. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** An error the worker reads: nodemailer sets `responseCode` (the SMTP reply) and `code`. */
export interface DeliveryError {
  message: string
  responseCode?: number
  code?: string
}

/**
 * Nodemailer's SMTP transport for SMTP_URL (`smtp://user:pass@host:587`, `smtps://host:465`), with
 * timeouts short enough that a dead server costs one retry rather than a stuck worker.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'X-PortalDesk-Outbox-Id': mail.outboxId }
      })
    },
    close() {
      transporter.close()
    }
  }
}

/** RFC 5321: 5yz is a permanent refusal (retrying gets the same answer), except 503 (bad sequence). */
export function isPermanentRefusal(error: DeliveryError): boolean {
  const code = error.responseCode
  return code !== undefined && code >= 500 && code < 600 && code !== 503
}
