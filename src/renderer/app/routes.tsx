import { Navigate, type RouteObject } from 'react-router'
import { AccountPage } from '../features/account/AccountPage'
import { CompaniesPage } from '../features/companies/CompaniesPage'
import { CompanyPage } from '../features/companies/CompanyPage'
import { HelpdeskPage } from '../features/helpdesk/HelpdeskPage'
import { MailboxPage } from '../features/mail/MailboxPage'
import { mailboxRoute } from '../features/mail/mailbox-route'
import { UserPage } from '../features/users/UserPage'
import { UsersPage } from '../features/users/UsersPage'
import { NoSuchPage } from '../features/deep-links/RefusedLink'
import { AppShell } from './AppShell'
import { RouteError } from './RouteError'

/**
 * The screens, behind the shell (which shows the sign-in screen instead while signed out, so a deep
 * link such as #/users/42 opens after signing in). To add a screen: a route here, a folder under
 * features/, and its strings in both i18n files.
 */
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/users" replace /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'users/:id/:tab?', element: <UserPage /> },
      { path: 'companies', element: <CompaniesPage /> },
      { path: 'companies/:id', element: <CompanyPage /> },
      { path: 'helpdesk', element: <HelpdeskPage /> },
      { path: 'account/:tab?', element: <AccountPage /> },
      { path: mailboxRoute.slice(1), element: <MailboxPage /> },
      { path: '*', element: <NoSuchPage /> }
    ]
  }
]
