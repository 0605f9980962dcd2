import { initialMigration } from './0001_initial'
import { securityDomainMigration } from './0002_security_domain'
import { userCountsActiveMigration } from './0003_user_counts_active'
import { helpdeskVerificationMigration } from './0004_helpdesk_verification'
import { signInDevicesMigration } from './0007_sign_in_devices'
import type { Migration } from './migration'

export type { Migration } from './migration'

/** Every migration, in order. Add a file `NNNN_name.ts` and append it here. */
export const migrations: readonly Migration[] = [initialMigration, securityDomainMigration, userCountsActiveMigration, helpdeskVerificationMigration, signInDevicesMigration]
