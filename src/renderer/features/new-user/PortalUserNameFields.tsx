import { Form, Input } from 'antd'
import { userLimits } from '../../../shared/users'
import { usePortalUserRules } from './portal-user-rules'
import './new-user.css'

export interface NameFieldLabels {
  firstName: string
  lastName: string
  login: string
}

/**
 * First name, surname and username of a new portal user, named as the API names them (`firstName`,
 * `lastName`, `login`) so that the server's field errors land on them. The company page labels them
 * as Prim.io does (Name, Surname, Username); the grid's dialog as the issue does (First name…).
 */
export function PortalUserNameFields({ labels }: { labels: NameFieldLabels }) {
  const rules = usePortalUserRules()
  return (
    <>
      <div className="new-user-name-row">
        <Form.Item name="firstName" label={labels.firstName} rules={rules.firstName} validateFirst>
          <Input autoFocus autoComplete="off" maxLength={userLimits.namePart} data-testid="new-user-first-name" />
        </Form.Item>
        <Form.Item name="lastName" label={labels.lastName} rules={rules.lastName} validateFirst>
          <Input autoComplete="off" maxLength={userLimits.namePart} data-testid="new-user-last-name" />
        </Form.Item>
      </div>
      <Form.Item name="login" label={labels.login} rules={rules.login} validateFirst>
        <Input autoComplete="off" spellCheck={false} maxLength={userLimits.login} data-testid="new-user-login" />
      </Form.Item>
    </>
  )
}
