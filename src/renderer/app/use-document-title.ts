import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../shared/session'
import { activeConnection, connectionLabel } from './connection-label'

/** The window title names the portal in use ("PortalDesk — Local portal"), like the taskbar entry. */
export function useDocumentTitle(session: SessionState | undefined): void {
  const { t } = useTranslation()
  const profile = activeConnection(session)
  const title = profile ? t('app.titleWithConnection', { connection: connectionLabel(profile, t) }) : t('app.name')
  useEffect(() => {
    document.title = title
  }, [title])
}
