import { z } from 'zod'

/**
 * How the desk launches the embedded portal server (src/server/process-entry.ts) and learns that it
 * is ready. The desk passes these environment variables; the server process answers with one message
 * over the parent port (Electron utilityProcess) or the IPC channel (Node child_process.fork).
 */
export const localPortalEnv = {
  host: 'HOST',
  port: 'PORT',
  dataDir: 'DATA_DIR',
  /** "1": seed the demo data when the database holds no users yet. */
  seedIfEmpty: 'PORTALDESK_SEED_IF_EMPTY',
  /** The password given to every seeded account (the local administrator's included). */
  seedPassword: 'PORTALDESK_SEED_PASSWORD',
  seedUsers: 'PORTALDESK_SEED_USERS',
  /**
   * Always "local": the embedded portal keeps every email in full and the desk shows them in its Local
   * mailbox, so a first run can follow a reset link or read a code without any SMTP server.
   */
  mailbox: 'MAILBOX'
} as const

export const localPortalMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number().int().min(1).max(65535), seeded: z.boolean() }),
  z.object({ type: z.literal('failed'), message: z.string() })
])
export type LocalPortalMessage = z.infer<typeof localPortalMessage>

/** The seeded local administrator. */
export const localAdminLogin = 'admin'
