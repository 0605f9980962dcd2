import { sql, type Kysely } from 'kysely'
import { appendAuditRows, type AuditRowContent } from '../../domain/audit/record'
import type { Database } from '../schema'

/**
 * The security side of the demo data, so that every screen has something to show: issued documents
 * (the country lock) for every third company, and on a sample of portal users chosen by id: enabled
 * TOTP, passkeys, portal sessions, API keys, payment methods, sign-in history, a few temporary
 * locks and required resets, with matching audit entries. One INSERT … SELECT per table, so the cost
 * grows with the sample, not with the number of statements.
 *
 * Secrets (TOTP secrets, token and key hashes, credential ids) come from gen_random_uuid(): nobody
 * knows a token that hashes to a seeded session, and no seeded TOTP secret is predictable.
 */
export async function seedSecurityData(db: Kysely<Database>, now: Date): Promise<void> {
  const statements = [
    sql`insert into documents (company_id, kind, number, issued_at)
      select c.id, k.kind, case k.kind when 'invoice' then 'INV-' else 'SO-' end || lpad(c.id::text, 4, '0') || '-' || n,
        ${now}::timestamptz - (n * 29 + c.id % 17) * interval '1 day'
      from companies c
      cross join (values ('invoice'), ('order')) as k(kind)
      cross join generate_series(1, 2) as n
      where c.id % 3 = 0`,

    sql`insert into totp (user_id, secret, enabled_at)
      select u.id, translate(upper(md5(gen_random_uuid()::text)), '0189', 'WXYZ'), coalesce(u.last_sign_in_at, u.created_at)
      from users u where u.kind = 'portal' and u.active and u.id % 29 = 0`,

    sql`insert into passkeys (user_id, name, credential_id, public_key, sign_count, transports, device_type, backed_up, created_at, last_used_at)
      select u.id, p.name, sha256(uuid_send(gen_random_uuid())),
        sha256(uuid_send(gen_random_uuid())) || sha256(uuid_send(gen_random_uuid())),
        (u.id * 13) % 400, p.transports, p.device_type, p.device_type = 'multiDevice',
        u.created_at + (u.id % 200) * interval '1 day',
        case when u.last_sign_in_at is not null then u.last_sign_in_at end
      from users u
      cross join lateral (values
        ((array['MacBook Touch ID', 'iPhone', 'Windows Hello', 'Pixel 8'])[1 + u.id % 4], array['internal', 'hybrid'], 'multiDevice', 1),
        ('YubiKey 5C', array['usb', 'nfc'], 'singleDevice', 2)
      ) as p(name, transports, device_type, n)
      where u.kind = 'portal' and u.active and u.id % 31 = 0 and (p.n = 1 or u.id % 62 = 0)`,

    sql`insert into sessions (token_hash, user_id, audience, created_at, last_seen_at, expires_at, ip, user_agent, revoked_at)
      select sha256(uuid_send(gen_random_uuid())), u.id, 'portal',
        ${now}::timestamptz - (s.n * 3 + u.id % 5) * interval '1 hour',
        ${now}::timestamptz - (s.n * 2 + u.id % 3) * interval '10 minutes',
        ${now}::timestamptz + (14 - s.n) * interval '1 day',
        '203.0.113.' || (1 + (u.id + s.n) % 250),
        (array['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
               'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
               'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
               'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'])[1 + (u.id + s.n) % 4],
        case when s.n = 3 then ${now}::timestamptz - interval '2 days' end
      from users u cross join generate_series(1, 3) as s(n)
      where u.kind = 'portal' and u.active and u.last_sign_in_at is not null and u.id % 23 = 0 and (s.n < 3 or u.id % 46 = 0)`,

    sql`insert into api_keys (user_id, website_id, description, scope, key_prefix, key_hash, created_at, expires_at, last_used_at)
      select u.id, u.website_id, (array['ERP integration', 'Nightly export', 'Reporting dashboard'])[1 + u.id % 3],
        case when u.id % 2 = 0 then 'read' else 'read_write' end,
        'pk_' || substr(md5(gen_random_uuid()::text), 1, 8), sha256(uuid_send(gen_random_uuid())),
        u.created_at + interval '30 days', ${now}::timestamptz + (30 + u.id % 300) * interval '1 day',
        u.last_sign_in_at
      from users u where u.kind = 'portal' and u.active and u.website_id is not null and u.id % 41 = 0`,

    sql`insert into payment_methods (user_id, provider, provider_ref, brand, last4, exp_month, exp_year, holder, created_at)
      select u.id, 'demo', 'demo_pm_' || substr(md5(gen_random_uuid()::text), 1, 16),
        (array['visa', 'mastercard', 'amex', 'unionpay'])[1 + (u.id / 17) % 4],
        lpad(((u.id::bigint * 7919) % 10000)::text, 4, '0'), 1 + u.id % 12, 2026 + u.id % 5, left(u.name, 200),
        u.created_at + interval '7 days'
      from users u where u.kind = 'portal' and u.id % 17 = 0`,

    sql`insert into sign_in_attempts (user_id, audience, login, ip, user_agent, at, success, reason)
      select u.id, 'portal', u.login, '198.51.100.' || (1 + (u.id + a.n) % 250), 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/127.0',
        u.last_sign_in_at - (a.n - 1) * interval '3 minutes', a.n = 1, case when a.n = 1 then null else 'wrong_password' end
      from users u cross join generate_series(1, 3) as a(n)
      where u.kind = 'portal' and u.last_sign_in_at is not null and u.id % 23 = 0 and (a.n = 1 or u.id % 46 = 0)`,

    // A few accounts locked right now (10 failures) and a few that must reset their password.
    sql`update users set failed_sign_ins = 10, lock_count = 1, locked_until = ${now}::timestamptz + interval '15 minutes'
      where kind = 'portal' and active and id % 997 = 0`,
    sql`update users set reset_required = true where kind = 'portal' and active and id % 1009 = 0`,

  ]
  for (const statement of statements) await statement.execute(db)
  await seedAuditTrail(db, now)
}

/** Audit entries matching the sample above, appended to the hash chain like any other. */
async function seedAuditTrail(db: Kysely<Database>, now: Date): Promise<void> {
  const samples = [
    sql<AuditRowContent>`select coalesce(t.enabled_at, ${now}::timestamptz) as at, t.user_id as actor_id, u.login as actor_login,
        'portal' as actor_role, t.user_id as target_user_id, 'twoFactor.enable' as action,
        '{"twoFactor": {"from": false, "to": true}}'::jsonb as changes, ${auditExtras}
      from totp t join users u on u.id = t.user_id order by t.user_id`,
    sql<AuditRowContent>`select ${now}::timestamptz - interval '1 minute' as at, null::int as actor_id, null as actor_login, 'system' as actor_role,
        u.id as target_user_id, 'signIn.locked' as action,
        jsonb_build_object('lockedUntil', jsonb_build_object('from', null, 'to', u.locked_until)) as changes, ${auditExtras}
      from users u where u.locked_until is not null order by u.id`,
    sql<AuditRowContent>`select ${now}::timestamptz - (u.id % 40) * interval '1 day' as at, s.id as actor_id, s.login as actor_login,
        'support' as actor_role, u.id as target_user_id, 'password.resetLink' as action, '{}'::jsonb as changes,
        '10.20.0.' || (1 + u.id % 200) as ip, 'PortalDesk/0.1.0' as user_agent, 'HD-' || (10000 + u.id % 90000) as ticket_ref,
        'Customer forgot the password' as reason, null as verification_method
      from users u cross join (select id, login from users where login = 'support') s
      where u.kind = 'portal' and u.id % 53 = 0 order by u.id`
  ]
  for (const sample of samples) await appendAuditRows(db, (await sample.execute(db)).rows)
}

const auditExtras = sql.raw('null as ip, null as user_agent, null as ticket_ref, null as reason, null as verification_method')
