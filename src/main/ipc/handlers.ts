import type { SessionService } from '../session/desk-session'
import type { HandlerTable } from './handler-table'
import { accountHandlers } from './handlers/account-handlers'
import { auditHandlers } from './handlers/audit-handlers'
import { companyHandlers } from './handlers/company-handlers'
import { desktopHandlers, type DesktopShell } from './handlers/desktop-handlers'
import { helpdeskHandlers } from './handlers/helpdesk-handlers'
import { mailHandlers } from './handlers/mail-handlers'
import { securityHandlers } from './handlers/security-handlers'
import { userHandlers } from './handlers/user-handlers'

export interface DeskServices {
  session: SessionService
  /** Absent where the window has no desktop shell around it (the browser host, most tests). */
  desktop?: DesktopShell
}

const noDesktopShell: DesktopShell = { setLanguage: () => {} }

/**
 * Every channel of src/shared/ipc/channels.ts, mapped to the service that answers it. Electron's
 * ipcMain and the browser host serve this same table, so what the e2e suite tests is what ships.
 */
export function createHandlerTable({ session, desktop = noDesktopShell }: DeskServices): HandlerTable {
  return {
    'session:state': () => session.state(),
    'session:sign-in': (credentials) => session.signIn(credentials),
    'session:sign-out': () => session.signOut(),
    'session:dismiss-notice': () => session.dismissNotice(),
    'connections:add': (connection) => session.addConnection(connection),
    'connections:remove': ({ id }) => session.removeConnection(id),
    'connections:select': ({ id }) => session.selectConnection(id),
    ...userHandlers(session),
    ...securityHandlers(session),
    ...companyHandlers(session),
    ...helpdeskHandlers(session),
    ...accountHandlers(session),
    ...auditHandlers(session),
    ...mailHandlers(session),
    ...desktopHandlers(desktop)
  }
}
