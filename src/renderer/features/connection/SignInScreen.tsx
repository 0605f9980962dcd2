import { Card, Col, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../../shared/session'
import { SessionNotices } from '../../app/SessionNotices'
import { ConnectionPicker } from './ConnectionPicker'
import { SignInForm } from './SignInForm'

/** Signed out: pick the portal (or add one) on the left, sign in on the right. */
export function SignInScreen({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  return (
    <div className="sign-in-screen" data-testid="signed-out">
      <SessionNotices session={session} onSignInScreen />
      <Card className="sign-in-card" title={<h1 className="sign-in-card__title">{t('connection.title')}</h1>}>
        <Row gutter={[40, 24]}>
          <Col xs={24} md={12}>
            <ConnectionPicker session={session} />
          </Col>
          <Col xs={24} md={12}>
            <SignInForm session={session} />
          </Col>
        </Row>
      </Card>
    </div>
  )
}
