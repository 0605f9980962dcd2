import { describe, expect, it } from 'vitest'
import type { OperatorRole } from '../../../src/shared/auth'
import { operatorRoles, type UserKind } from '../../../src/shared/users'
import { can, permissionMatrix, type PermissionAction } from '../../../src/server/domain/permissions'

/**
 * The desk's module lives in the renderer's TypeScript project, which this (node) project may not
 * list: it is loaded at run time and described here by the part of its interface the test uses.
 */
interface RoleCapabilities {
  deskActions: readonly string[]
  roleCan: (role: OperatorRole, action: string, target?: UserKind | null) => boolean
  roleNeeded: (role: OperatorRole | null, action: string, target?: UserKind | null) => OperatorRole | null
}
const rendererModule = '../../../src/renderer/app/role-capabilities'
const { deskActions, roleCan, roleNeeded } = (await import(/* @vite-ignore */ rendererModule)) as RoleCapabilities

/**
 * The desk's copy of the role matrix must say exactly what the server enforces: otherwise a button is
 * offered that the server refuses, or withheld when the server would allow it.
 */
/** Every action the server rules, from its matrix (which must have a rule for each). */
const serverActions = Object.keys(permissionMatrix) as PermissionAction[]

describe('role capabilities (desk) against the server permissions', () => {
  it('knows the same actions as the server', () => {
    expect([...deskActions].sort()).toEqual([...serverActions].sort())
  })

  const targets = ['portal', 'internal', null] as const
  const cases = serverActions.flatMap((action) => operatorRoles.flatMap((role) => targets.map((target) => [action, role, target] as const)))

  it.each(cases)('%s for %s on %s users agrees with the server', (action, role, target) => {
    expect(roleCan(role, action, target)).toBe(can(role, action, target))
  })

  it('names the administrator as the role that may do what support may not', () => {
    expect(roleNeeded('support', 'users.archive', 'portal')).toBe('administrator')
    expect(roleNeeded('support', 'password.resetLink', 'internal')).toBe('administrator')
    expect(roleNeeded('support', 'password.resetLink', 'portal')).toBeNull()
    expect(roleNeeded('administrator', 'users.delete', 'internal')).toBeNull()
    expect(roleNeeded(null, 'users.read', 'portal')).toBe('support')
  })
})
