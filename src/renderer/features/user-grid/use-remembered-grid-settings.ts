import { useEffect } from 'react'
import { useAppStores, useUserListView } from '../../stores/app-stores'

/**
 * Keeps the grid's page size, filters and columns per connection: on arrival (and after a switch of
 * portal) the view takes that connection's remembered settings, and every later change is saved for
 * it. Returns whether the view shows this connection's settings yet: the grid waits for that, so it
 * never asks the server for the default view only to replace it a moment later.
 */
export function useRememberedGridSettings(connectionId: string | null): boolean {
  const { userListView, userGridSettings } = useAppStores()
  const settingsOf = useUserListView((view) => view.settingsOf)

  useEffect(() => {
    if (connectionId === null) return
    if (userListView.getState().settingsOf !== connectionId) {
      userListView.getState().applySettings(connectionId, userGridSettings.getState().settingsFor(connectionId))
    }
    return userListView.subscribe((view, previous) => {
      if (view.settingsOf !== connectionId) return
      if (view.filters === previous.filters && view.pageSize === previous.pageSize && view.columns === previous.columns) return
      userGridSettings.getState().save(connectionId, { pageSize: view.pageSize, filters: view.filters, columns: view.columns })
    })
  }, [connectionId, userListView, userGridSettings])

  // Without a connection (not expected once signed in) there is nothing to remember: show the view as is.
  return connectionId === null || settingsOf === connectionId
}
