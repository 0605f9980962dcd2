import { initialMigration } from './0001_initial'
import { securityDomainMigration } from './0002_security_domain'
import { userCountsActiveMigration } from './0003_user_counts_active'
import { helpdeskVerificationMigration } from './0004_helpdesk_verification'
import { emailChangesMigration } from './0005_email_changes'
import { auditChainMigration } from './0006_audit_chain'
import { loginIdentityMigration } from './0007_login_identity'
import { signInDevicesMigration } from './0008_sign_in_devices'
import type { Migration } from './migration'

export type { Migration } from './migration'

/** Every migration, in order. Add a file `NNNN_name.ts` and append it here. */
export const migrations: readonly Migration[] = [
  initialMigration,
  securityDomainMigration,
  userCountsActiveMigration,
  helpdeskVerificationMigration,
  emailChangesMigration,
  auditChainMigration,
  loginIdentityMigration,
  signInDevicesMigration
]
