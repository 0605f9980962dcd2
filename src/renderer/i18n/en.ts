import type { Shape } from './feature-strings'
import { errorMessagesIn } from './error-messages'
import { accountStrings } from './features/account'
import { actionDialogStrings } from './features/actionDialog'
import { commandPaletteStrings } from './features/commandPalette'
import { deepLinksStrings } from './features/deepLinks'
import { companiesStrings } from './features/companies'
import { helpdeskStrings } from './features/helpdesk'
import { newUserStrings } from './features/newUser'
import { passwordStrings } from './features/password'
import { refusalsStrings } from './features/refusals'
import { rolesStrings } from './features/roles'
import { auditIntegrityStrings } from './features/auditIntegrity'
import { auditWordsStrings } from './features/auditWords'
import { mailStrings } from './features/mail'
import { securityStrings } from './features/security'
import { userFormStrings } from './features/userForm'
import { userGridStrings } from './features/userGrid'

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
    selectFailed: 'This portal could not be selected.',
    unencryptedWarning:
      'This address is not encrypted (http://): passwords and everything you see would cross the network in clear text. Use https:// for a real portal.',
    allowUnencrypted: 'Allow unencrypted connection (testing only)',
    unencryptedRequired: 'An http:// address to another computer is saved only if you tick “Allow unencrypted connection (testing only)”. Or use https://.',
    unencryptedAllowed: 'Unencrypted (testing only)',
    unencryptedRefused:
      'This portal was saved with an unencrypted http:// address, so PortalDesk will not connect to it. Remove it and add it again, with https:// or with “Allow unencrypted connection (testing only)” ticked.'
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
      login: 'Username',
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
    loadedCount_one: '{{loaded}} of {{total}} user loaded',
    loadedCount_other: '{{loaded}} of {{total}} users loaded',
    loadingMore: 'Loading more users…',
    allLoaded_one: '{{total}} user is loaded',
    allLoaded_other: 'All {{total}} users are loaded'
  },
  userDetail: {
    back: 'Back to users',
    loading: 'Loading the user…',
    notFoundTitle: 'User not found',
    notFound: 'There is no user with this number. They may have been deleted.',
    loadFailed: 'The user could not be loaded.',
    instant: '{{exact}} ({{relative}})',
    fields: {
      name: 'Name',
      login: 'Username',
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
  userPage: {
    tabsLabel: 'Sections of the user page',
    tabs: {
      general: 'General',
      paymentMethods: 'Payment methods',
      activity: 'Activity'
    },
    forbiddenTitle: 'Not available to your role',
    forbidden: 'Support agents cannot see the security details of an internal user. Ask an administrator.',
    fields: {
      namePrefix: 'Name prefix',
      firstName: 'First name',
      middleName: 'Middle name',
      lastName: 'Last name',
      nameSuffix: 'Name suffix',
      otherEmails: 'Other emails',
      birthday: 'Birthday',
      address: 'Address',
      invoiceDelivery: 'Invoice delivery',
      signInLock: 'Sign-in protection',
      twoFactor: 'Two-factor authentication',
      mustChangePassword: 'Must change password at next sign-in',
      pendingEmail: 'Email change'
    },
    invoiceDeliveries: {
      email: 'By email',
      postal: 'By post'
    },
    lockedUntil: 'Locked until {{until}}',
    emailChangePending: 'Email change pending: {{address}}, until {{until}}',
    locked: 'Locked',
    notLocked: 'Not locked',
    twoFactorOn: 'On',
    twoFactorOff: 'Off',
    yes: 'Yes',
    no: 'No',
    payments: {
      hint: 'Payment information cannot be edited and must be re-entered: the payment method has to be deleted and entered again.',
      brand: 'Brand',
      number: 'Card number',
      expiry: 'Expiry',
      added: 'Added',
      expired: 'Expired',
      brands: {
        visa: 'Visa',
        mastercard: 'Mastercard',
        amex: 'American Express',
        unionpay: 'UnionPay',
        discover: 'Discover',
        jcb: 'JCB',
        unknown: 'Other card'
      },
      loading: 'Loading the payment methods…',
      loadFailed: 'The payment methods could not be loaded.',
      empty: 'This user has no saved payment methods.'
    },
    activity: {
      auditTitle: 'Audit trail',
      signInsTitle: 'Sign-in history',
      filterLabel: 'Filter by action',
      allActions: 'All actions',
      by: 'by {{who}}',
      unknownActor: 'someone unknown',
      actorRoles: {
        administrator: 'administrator',
        support: 'support agent',
        portal: 'portal user',
        system: 'system'
      },
      actorWithRole: '{{login}} ({{role}})',
      ticketLine: 'Ticket: {{ticket}}',
      reasonLine: 'Reason: {{reason}}',
      changes: 'Changes',
      changeSeparator: ': ',
      loadingAudit: 'Loading the audit trail…',
      auditFailed: 'The audit trail could not be loaded.',
      emptyAudit: 'Nothing has been recorded about this user yet.',
      emptyAuditFiltered: 'No “{{action}}” entries for this user.',
      showMore: 'Show older entries',
      loadingMore: 'Loading older entries…',
      signIns: {
        time: 'Time',
        ip: 'IP address',
        userAgent: 'Browser or device',
        result: 'Result',
        success: 'Succeeded',
        failure: 'Failed',
        loading: 'Loading the sign-in history…',
        loadFailed: 'The sign-in history could not be loaded.',
        empty: 'This user has not tried to sign in yet.',
        unknown: 'Unknown',
        reasons: {
          wrong_password: 'wrong password',
          locked: 'account temporarily locked',
          ip_throttled: 'too many failures from this address',
          reset_required: 'a password reset is required',
          archived: 'account archived',
          deleted: 'account deleted',
          not_eligible: 'not allowed to sign in here',
          otp_required: 'two-factor code missing',
          otp_invalid: 'wrong two-factor code',
          passkey_invalid: 'passkey not accepted',
          reauth_wrong_password: 'wrong password at an identity check'
        }
      }
    }
  },
  languages: {
    en: 'English',
    'zh-CN': '简体中文'
  },
  account: accountStrings.en,
  actionDialog: actionDialogStrings.en,
  password: passwordStrings.en,
  roles: rolesStrings.en,
  auditIntegrity: auditIntegrityStrings.en,
  auditWords: auditWordsStrings.en,
  mail: mailStrings.en,
  security: securityStrings.en,
  userForm: userFormStrings.en,
  userGrid: userGridStrings.en,
  companies: companiesStrings.en,
  newUser: newUserStrings.en,
  helpdesk: helpdeskStrings.en,
  commandPalette: commandPaletteStrings.en,
  deepLinks: deepLinksStrings.en,
  refusals: refusalsStrings.en,
  errors: errorMessagesIn('en'),
  errorDetails: 'Details: {{details}}'
}

/** What every language must provide: the same keys as English, each with a string. */
export type Translation = Shape<typeof en>
