import { CloudServerOutlined, DeleteOutlined, DesktopOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Radio, Tooltip, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isUnencryptedRemote, mayConnect, type ConnectionProfile } from '../../../shared/connections'
import type { SessionState } from '../../../shared/session'
import { connectionLabel } from '../../app/connection-label'
import { useRemoveConnection, useSelectConnection } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { AddConnectionForm } from './AddConnectionForm'
import { ConnectionColourDot } from './connection-colour'

function ProfileText({ profile }: { profile: ConnectionProfile }) {
  const { t } = useTranslation()
  return (
    <span className="connection-option">
      <ConnectionColourDot profile={profile} />
      {profile.kind === 'embedded' ? <DesktopOutlined aria-hidden /> : <CloudServerOutlined aria-hidden />}
      <span className="connection-option__text">
        <span className="connection-option__name">{connectionLabel(profile, t)}</span>
        <Typography.Text type="secondary" className="connection-option__detail">
          {profile.kind === 'embedded' ? t('connection.localPortalDescription') : profile.url}
        </Typography.Text>
        {profile.kind === 'remote' && isUnencryptedRemote(profile.url) ? (
          <Typography.Text type="warning" className="connection-option__detail" data-testid="unencrypted-profile">
            {mayConnect(profile) ? t('connection.unencryptedAllowed') : t('connection.unencryptedRefused')}
          </Typography.Text>
        ) : null}
      </span>
    </span>
  )
}

/** The saved portals as one radio group; choosing one makes it the portal to sign in to. */
export function ConnectionPicker({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  const headingId = useId()
  const select = useSelectConnection()
  const remove = useRemoveConnection()
  const [adding, setAdding] = useState(session.connections.length === 0)
  const failure = select.error ?? remove.error

  return (
    <section aria-labelledby={headingId} data-testid="connection-picker">
      <Typography.Title level={2} id={headingId} className="sign-in-section-title">
        {t('connection.portals')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('connection.portalsHint')}</Typography.Paragraph>
      {session.connections.length === 0 ? (
        <Typography.Paragraph>{t('connection.noProfiles')}</Typography.Paragraph>
      ) : (
        <Radio.Group
          aria-labelledby={headingId}
          className="connection-list"
          value={session.activeConnectionId}
          disabled={select.isPending || remove.isPending}
          onChange={(event) => select.mutate(String(event.target.value))}
        >
          {session.connections.map((profile) => (
            <div key={profile.id} className="connection-list__item" data-testid="connection-option" data-connection-id={profile.id}>
              <Radio value={profile.id}>
                <ProfileText profile={profile} />
              </Radio>
              {profile.kind === 'remote' ? (
                <Tooltip title={t('connection.remove', { name: profile.name })}>
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('connection.remove', { name: profile.name })}
                    onClick={() => remove.mutate(profile.id)}
                  />
                </Tooltip>
              ) : null}
            </div>
          ))}
        </Radio.Group>
      )}
      {failure ? <ErrorAlert error={failure} title={t('connection.selectFailed')} testId="connection-error" /> : null}
      {adding ? (
        <AddConnectionForm onDone={() => setAdding(false)} canCancel={session.connections.length > 0} />
      ) : (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-connection" className="connection-add-button">
          {t('connection.addRemote')}
        </Button>
      )}
    </section>
  )
}
