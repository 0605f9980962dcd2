import { errorMessagesIn } from './error-messages'

/**
 * The English strings: the reference shape for every other language (zh-CN must have exactly these
 * keys). Error messages come from src/shared/errors.ts so that main, server and renderer agree.
 */
export const en = {
  app: {
    name: 'PortalDesk',
    titleWithConnection: 'PortalDesk — {{connection}}',
    loading: 'Starting PortalDesk…',
    sessionLoadFailed: 'PortalDesk could not read its session.',
    retry: 'Retry',
    mainNavigation: 'Main navigation'
  },
  header: {
    language: 'Language',
    darkTheme: 'Dark theme',
    connection: 'Connected to {{connection}}',
    signedInAs: 'Signed in as {{name}} ({{role}})',
    signOut: 'Sign out'
  },
  nav: {
    manageUsers: 'Manage Users'
  },
  notices: {
    vaultMemoryOnly:
      'Credentials are kept in memory only: this system offers no encryption for stored secrets, so you will sign in again after restarting PortalDesk.',
    connectionsReset: 'The saved connections could not be read, so they were reset to the local portal.',
    firstRunTitle: 'The local administrator account',
    firstRun: 'Shown only once: keep this password somewhere safe to sign in to the local portal again.',
    firstRunLogin: 'Login',
    firstRunPassword: 'Password',
    copyPassword: 'Copy password',
    copied: 'Copied',
    dismiss: 'I have saved it',
    localPortalStarting: 'The local portal is starting…',
    localPortalFailedTitle: 'The local portal could not start',
    startupErrorTitle: 'The previous session could not be restored',
    sessionExpired: 'Your session has ended. Please sign in again.'
  },
  connection: {
    title: 'Sign in to a portal',
    portals: 'Portal',
    portalsHint: 'Choose the portal to manage.',
    localPortal: 'Local portal',
    localPortalDescription: 'Runs on this computer, with demo data',
    remove: 'Remove {{name}}',
    noProfiles: 'No portal yet. Add one below.',
    addRemote: 'Add a remote portal',
    addTitle: 'Add a remote portal',
    name: 'Name',
    namePlaceholder: 'Head office portal',
    url: 'Address',
    urlPlaceholder: 'https://portal.example.com',
    nameRequired: 'Give this portal a name (up to 80 characters).',
    urlInvalid: 'Enter a full address that starts with http:// or https://, for example https://portal.example.com.',
    add: 'Add portal',
    cancel: 'Cancel',
    selectFailed: 'This portal could not be selected.'
  },
  signIn: {
    title: 'Sign in',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    loginRequired: 'Enter your login.',
    passwordRequired: 'Enter your password.',
    noConnection: 'Choose or add a portal first.',
  },
  users: {
    title: 'Manage Users',
    filterLabel: 'Show',
    filterInternal: 'Internal Users',
    filterPortal: 'Portal Users',
    filterAll: 'All',
    searchLabel: 'Search users',
    searchPlaceholder: 'Search name, login, email, phone or company',
    searchShortcut: 'Press / or Ctrl+F to search',
    clearSearch: 'Clear search',
    gridLabel: 'Users',
    columns: {
      name: 'Name',
      login: 'Login',
      email: 'Email',
      company: 'Company',
      website: 'Website',
      kind: 'Kind',
      lastSignIn: 'Last sign-in'
    },
    kind: {
      portal: 'Portal',
      internal: 'Internal'
    },
    never: 'Never',
    archived: 'Archived',
    empty: 'No users match “{{q}}”.',
    emptyNoSearch: 'There are no users here yet.',
    loadFailed: 'The users could not be loaded.',
    loadedCount: '{{loaded}} of {{total}} users loaded',
    loadingMore: 'Loading more users…',
    allLoaded: 'All {{total}} users are loaded'
  },
  userDetail: {
    back: 'Back to users',
    loading: 'Loading the user…',
    notFoundTitle: 'User not found',
    notFound: 'There is no user with this number. They may have been deleted.',
    loadFailed: 'The user could not be loaded.',
    instant: '{{exact}} ({{relative}})',
    readOnlyHint: 'Read-only for now: editing comes in a later version.',
    fields: {
      name: 'Name',
      login: 'Login',
      email: 'Email',
      phone: 'Phone',
      company: 'Company',
      website: 'Website',
      kind: 'Kind',
      role: 'Role',
      language: 'Language',
      city: 'City',
      country: 'Country',
      active: 'Active',
      lastSignIn: 'Last sign-in',
      created: 'Created',
      updated: 'Updated'
    },
    roles: {
      administrator: 'Administrator',
      support: 'Support agent',
      user: 'User'
    },
    yes: 'Yes',
    no: 'No (archived)',
    none: '—'
  },
  languages: {
    en: 'English',
    'zh-CN': '简体中文'
  },
  errors: errorMessagesIn('en'),
  errorDetails: 'Details: {{details}}'
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** What every language must provide: the same keys as English, each with a string. */
export type Translation = Shape<typeof en>
