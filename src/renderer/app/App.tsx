import { useState } from 'react'
import { createHashRouter, RouterProvider } from 'react-router'
import { DeepLinkOpener } from '../features/deep-links/DeepLinkOpener'
import { AppProviders, type AppDependencies } from './AppProviders'
import { appRoutes } from './routes'

/**
 * The desk app. A hash router, because the page is served from app://portaldesk/ in Electron and
 * from a plain http origin by the browser host: the path never has to resolve on a server.
 */
export function App({ dependencies }: { dependencies: AppDependencies }) {
  const [router] = useState(() => createHashRouter(appRoutes))
  return (
    <AppProviders dependencies={dependencies}>
      <RouterProvider router={router} />
      {dependencies.deskEvents ? <DeepLinkOpener events={dependencies.deskEvents} navigate={(path) => void router.navigate(path)} /> : null}
    </AppProviders>
  )
}
