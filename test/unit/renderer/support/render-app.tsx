import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import type { Locale } from '../../../../src/shared/errors'
import { AppProviders, createAppDependencies } from '../../../../src/renderer/app/AppProviders'
import { appRoutes } from '../../../../src/renderer/app/routes'
import type { FakeDesk } from './fake-desk'

/** localStorage for one test, so that remembered preferences never leak between tests. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key)
  }
}

/** The whole app (shell, routes, providers) over a fake desk, at `path` of an in-memory router. */
export function renderApp(desk: FakeDesk, options: { path?: string; language?: Locale } = {}) {
  const dependencies = createAppDependencies({
    desk,
    storage: memoryStorage(),
    systemLanguages: [options.language ?? 'en']
  })
  const router = createMemoryRouter(appRoutes, { initialEntries: [options.path ?? '/'] })
  const view = render(
    <AppProviders dependencies={dependencies}>
      <RouterProvider router={router} />
    </AppProviders>
  )
  return { ...view, dependencies, router }
}
