import { useTranslation } from 'react-i18next'
import type { UserKind } from '../../shared/users'
import { roleCan, roleNeeded, type DeskAction } from './role-capabilities'
import { useOperator } from './session'

/**
 * The signed-in operator's capabilities (role-capabilities.ts), for components: `can` to decide, and
 * `refusal` for a disabled button's tooltip naming the role that may ("Administrators only").
 */
export function useCapabilities() {
  const { t } = useTranslation()
  const role = useOperator()?.role ?? null
  return {
    role,
    can: (action: DeskAction, target?: UserKind | null): boolean => role !== null && roleCan(role, action, target),
    refusal: (action: DeskAction, target?: UserKind | null): string | null => {
      const needed = roleNeeded(role, action, target)
      return needed === null ? null : t(`roles.onlyFor.${needed}`)
    }
  }
}
