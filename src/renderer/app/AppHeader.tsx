import { CloudServerOutlined, LogoutOutlined, MoonOutlined, SunOutlined, TeamOutlined } from '@ant-design/icons'
import { Button, Menu, Select, Switch, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import type { Locale } from '../../shared/errors'
import type { SessionState } from '../../shared/session'
import { supportedLanguages } from '../i18n'
import { useAppStores, usePreferences } from '../stores/app-stores'
import { colourOf } from '../../shared/connections'
import { AccountMenu } from '../features/account/AccountMenu'
import { AutoLockSettings } from '../features/auto-lock/AutoLockSettings'
import { tagColourOf } from '../features/connection/connection-colour'
import { activeConnection, connectionLabel } from './connection-label'
import { useSignOut } from './session'

function LanguageSwitch() {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const setLanguage = usePreferences((state) => state.setLanguage)
  return (
    <Select<Locale>
      aria-label={t('header.language')}
      title={t('header.language')}
      data-testid="language-switch"
      value={language}
      onChange={setLanguage}
      options={supportedLanguages.map((value) => ({ value, label: t(`languages.${value}`) }))}
      style={{ width: 112 }}
      popupMatchSelectWidth={false}
    />
  )
}

function ThemeSwitch() {
  const { t } = useTranslation()
  const mode = usePreferences((state) => state.theme)
  const setTheme = usePreferences((state) => state.setTheme)
  return (
    <Tooltip title={t('header.darkTheme')}>
      <Switch
        aria-label={t('header.darkTheme')}
        data-testid="theme-switch"
        checked={mode === 'dark'}
        onChange={(dark) => setTheme(dark ? 'dark' : 'light')}
        checkedChildren={<MoonOutlined />}
        unCheckedChildren={<SunOutlined />}
      />
    </Tooltip>
  )
}

function OperatorArea({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  const signOut = useSignOut()
  const { userListView } = useAppStores()
  const navigate = useNavigate()
  const operator = session.operator
  if (!operator) return null
  const role = t(`userDetail.roles.${operator.role}`)
  // The next operator starts from the default view, not from where this one left off (nor from a link
  // this one opened): the route is dropped with the session.
  const startOver = () => {
    userListView.getState().reset()
    void navigate('/', { replace: true })
  }
  return (
    <>
      <AccountMenu operator={operator} roleLabel={role} onSignOut={() => signOut.mutate(undefined, { onSuccess: startOver })} />
      <Button
        icon={<LogoutOutlined />}
        data-testid="sign-out"
        loading={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, { onSuccess: startOver })
        }
      >
        {t('header.signOut')}
      </Button>
    </>
  )
}

export function AppHeader({ session }: { session: SessionState | undefined }) {
  const { t } = useTranslation()
  const location = useLocation()
  const profile = activeConnection(session)
  const signedIn = Boolean(session?.operator)
  return (
    // The band in the active connection's colour: production and staging never look alike.
    <header className={profile ? `app-header connection-band connection-colour--${colourOf(profile)}` : 'app-header'}>
      <span className="app-header__brand">
        <TeamOutlined aria-hidden />
        {t('app.name')}
      </span>
      {signedIn ? (
        <Menu
          className="app-header__nav"
          mode="horizontal"
          aria-label={t('app.mainNavigation')}
          selectedKeys={location.pathname.startsWith('/users') ? ['users'] : location.pathname.startsWith('/companies') ? ['companies'] : location.pathname.startsWith('/helpdesk') ? ['helpdesk'] : []}
          items={[
            { key: 'users', label: <Link to="/users">{t('nav.manageUsers')}</Link> },
            { key: 'companies', label: <Link to="/companies" data-testid="nav-companies">{t('companies.nav')}</Link> },
            { key: 'helpdesk', label: <Link to="/helpdesk" data-testid="nav-helpdesk">{t('helpdesk.nav')}</Link> }
          ]}
        />
      ) : (
        <span className="app-header__spacer" />
      )}
      <div className="app-header__tools">
        {profile ? (
          <Tooltip title={t('header.connection', { connection: connectionLabel(profile, t) })}>
            <Tag icon={<CloudServerOutlined />} color={tagColourOf(colourOf(profile))} data-testid="active-connection" data-colour={colourOf(profile)} style={{ marginInlineEnd: 0 }}>
              {connectionLabel(profile, t)}
            </Tag>
          </Tooltip>
        ) : null}
        {signedIn ? <AutoLockSettings /> : null}
        <LanguageSwitch />
        <ThemeSwitch />
        {session ? <OperatorArea session={session} /> : null}
      </div>
    </header>
  )
}
