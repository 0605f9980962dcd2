import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

export type SmtpMode = 'accept' | 'temporary' | 'permanent'

/** A real SMTP server in the test process (no TLS, no auth), recording what it accepts. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = []
  const state = { mode: 'accept' as SmtpMode, refusals: 0 }
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.mode === 'accept') return callback()
      state.refusals++
      const error = Object.assign(new Error(state.mode === 'temporary' ? 'Mailbox busy, try again later' : 'No such user here'), {
        responseCode: state.mode === 'temporary' ? 451 : 550
      })
      return callback(error)
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8')
        })
        callback()
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return { received, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Whether the message went to `address`. Addresses compare without case: the portal keeps an address as it was typed (`Anna.Schmidt@…`). */
export function isAddressedTo(mail: ReceivedMail, address: string): boolean {
  const wanted = address.toLowerCase()
  return mail.to.some((recipient) => recipient.toLowerCase() === wanted)
}

/** The text body of a single-part message, decoded from quoted-printable or base64. */
export function textBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, split).toLowerCase()
  const body = raw.slice(split + 4)
  if (headers.includes('content-transfer-encoding: base64')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (headers.includes('content-transfer-encoding: quoted-printable')) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}


/** The first http(s) link to `path` in a message's text body (a reset or invitation link). */
export function linkIn(mail: ReceivedMail, path = '/reset-password'): string | null {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(https?://\\S+${escaped}\\?token=[A-Za-z0-9_-]+)`).exec(textBody(mail.raw))?.[1] ?? null
}
