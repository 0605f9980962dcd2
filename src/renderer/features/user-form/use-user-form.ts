import type { FormInstance } from 'antd'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { useActionNotice } from '../../components/action-dialog/use-action-notice'
import { errorCodeOf } from '../../components/error-text'
import type { StagedAvatar } from './avatar-file'
import { serverChanges, reapplyEdits, type ConflictVersions } from './conflict-merge'
import { isVersionConflict, serverFieldProblems, type FieldProblem } from './field-validation'
import { formValuesOf, hasChanges, patchOf, type UserFormValues } from './form-values'
import { mergeAudit, saveUser } from './save-user'
import { useCommitUser } from './user-form-queries'
import { useProblemText } from './use-field-rules'

/** A save to run: the record it starts from and the values to write over it. */
export interface PendingSave {
  base: UserDetail
  values: UserFormValues
}

/** A 409: the user as the server has it now, and the record the operator's edit started from. */
export interface ConflictState {
  server: UserDetail
  base: UserDetail
}

/**
 * The General tab's state and its save flow, apart from the layout: the record the edit started from
 * (`base`), the form's values, the staged avatar, the country-lock override, the 409 conflict, and
 * the failure of the last save (the form keeps every typed value whatever happens).
 */
export function useUserForm(user: UserDetail, form: FormInstance<UserFormValues>) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const commit = useCommitUser()
  const notice = useActionNotice()
  const problemText = useProblemText()

  const [base, setBase] = useState(user)
  const baseValues = useMemo(() => formValuesOf(base), [base])
  const [values, setValues] = useState(baseValues)
  const [avatar, setAvatar] = useState<StagedAvatar | null>(null)
  const [avatarProblem, setAvatarProblem] = useState<FieldProblem | null>(null)
  /** The administrator's reason for changing locked fields; null while they stay locked. */
  const [override, setOverride] = useState<AuditContext | null>(null)
  /** The server refused a locked change that the record did not show as locked (documents issued meanwhile). */
  const [lockedByServer, setLockedByServer] = useState(false)
  const [conflict, setConflict] = useState<ConflictState | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  /** A save that changes the username or role waits for the operator's confirmation (and maybe password). */
  const [confirming, setConfirming] = useState<PendingSave | null>(null)

  const patch = useMemo(() => patchOf(baseValues, values), [baseValues, values])
  const dirty = hasChanges(patch) || avatar !== null

  /** Puts values into the form (antd does not report programmatic changes) and clears stale errors. */
  const show = useCallback(
    (next: UserFormValues) => {
      form.setFieldsValue(next)
      const stale = form.getFieldsError().filter((field) => field.errors.length > 0)
      // antd reports names as plain paths; they are this form's own, so they name its fields.
      form.setFields(stale.map((field) => ({ name: field.name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0])
      setValues(next)
    },
    [form]
  )

  // A newer record from elsewhere (another action refreshed the detail) is taken only while nothing is
  // being edited; otherwise the edit keeps its base and a save meets the 409 and shows what changed.
  useEffect(() => {
    if (user === base || dirty || saving || conflict) return
    setBase(user)
    show(formValuesOf(user))
  }, [user, base, dirty, saving, conflict, show])

  const currentValues = useCallback((): UserFormValues => ({ ...baseValues, ...(form.getFieldsValue(true) as Partial<UserFormValues>) }), [baseValues, form])

  const showServerProblems = useCallback(
    (error: unknown) => {
      const { problems } = serverFieldProblems(error)
      const fields = problems.flatMap((entry) => {
        if (entry.field === 'avatar') {
          setAvatarProblem(entry.problem)
          return []
        }
        return [{ name: entry.index === undefined ? entry.field : ['emails', entry.index], errors: [problemText(entry.problem)] }]
      })
      if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0])
    },
    [form, problemText]
  )

  // The save flow below calls itself (a conflict without visible changes is retried once); the ref
  // lets the conflict step reach the latest version of it.
  const runSaveRef = useRef<(pending: PendingSave, audit: AuditContext, options: { fromDialog: boolean; retried: boolean }) => Promise<void>>(async () => undefined)

  const openConflict = useCallback(
    async (pending: PendingSave, retried: boolean) => {
      let server: UserDetail
      try {
        server = await desk.users.get({ id: pending.base.id })
      } catch (error) {
        setFailure(error)
        return
      }
      commit(server)
      const versions: ConflictVersions = { base: formValuesOf(pending.base), server: formValuesOf(server), mine: pending.values }
      if (serverChanges(versions).length === 0 && !retried) {
        // Only what the form does not show changed (a sign-in, an unlock): nothing can be overwritten.
        const merged = reapplyEdits(versions)
        setBase(server)
        show(merged)
        await runSaveRef.current({ base: server, values: merged }, undefined, { fromDialog: false, retried: true })
        return
      }
      setConflict({ server, base: pending.base })
    },
    [commit, desk, show]
  )

  const runSave = useCallback(
    async (pending: PendingSave, dialogAudit: AuditContext, options: { fromDialog: boolean; retried: boolean }) => {
      setSaving(true)
      setFailure(null)
      setAvatarProblem(null)
      const fieldsChange = hasChanges(patchOf(formValuesOf(pending.base), pending.values))
      try {
        const detail = await saveUser(desk, { ...pending, avatar, audit: mergeAudit(override ?? undefined, dialogAudit) }, (saved, step) => {
          commit(saved)
          setBase(saved)
          if (step === 'avatar') setAvatar(null)
        })
        show(formValuesOf(detail))
        setOverride(null)
        setLockedByServer(false)
        const action = fieldsChange ? 'user.update' : avatar?.kind === 'remove' ? 'avatar.remove' : 'avatar.set'
        notice(t('userForm.saved', { name: detail.name }), { userId: detail.id, action })
      } catch (error) {
        if (options.fromDialog && errorCodeOf(error) === 'REAUTH_REQUIRED') throw error
        if (isVersionConflict(error)) {
          await openConflict(pending, options.retried)
          return
        }
        if (errorCodeOf(error) === 'DOCUMENT_LOCKED') setLockedByServer(true)
        showServerProblems(error)
        setFailure(error)
      } finally {
        setSaving(false)
      }
    },
    [avatar, commit, desk, notice, openConflict, override, show, showServerProblems, t]
  )
  useEffect(() => {
    runSaveRef.current = runSave
  }, [runSave])

  /** Save (button, Ctrl+S, re-apply): checks every field first; nothing is sent while one is wrong. */
  const requestSave = useCallback(
    async (pending?: PendingSave) => {
      if (saving) return
      const target = pending ?? { base, values: currentValues() }
      try {
        await form.validateFields()
      } catch (invalid) {
        // Nothing is sent; the first wrong field gets the focus, so the keyboard lands where the fix is.
        const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name
        if (first) form.scrollToField(first, { block: 'center', focus: true })
        return
      }
      const changes = patchOf(formValuesOf(target.base), target.values)
      if (!hasChanges(changes) && avatar === null) return
      if (changes.login !== undefined || changes.role !== undefined) {
        setConfirming(target)
        return
      }
      await runSave(target, undefined, { fromDialog: false, retried: false })
    },
    [avatar, base, currentValues, form, runSave, saving]
  )

  const confirmSave = useCallback(
    async (audit: AuditContext) => {
      if (confirming) await runSave(confirming, audit, { fromDialog: true, retried: false })
    },
    [confirming, runSave]
  )

  const discard = useCallback(() => {
    show(baseValues)
    setAvatar(null)
    setAvatarProblem(null)
    setOverride(null)
    setFailure(null)
  }, [baseValues, show])

  /** Locks the fields again: whatever was typed into them goes back to the saved values. */
  const relock = useCallback(() => {
    setOverride(null)
    const now = currentValues()
    show({ ...now, country: baseValues.country, companyId: baseValues.companyId, companyName: baseValues.companyName, vat: baseValues.vat })
  }, [baseValues, currentValues, show])

  const reload = useCallback(() => {
    if (!conflict) return
    setConflict(null)
    setBase(conflict.server)
    show(formValuesOf(conflict.server))
    setAvatar(null)
    setOverride(null)
    setFailure(null)
  }, [conflict, show])

  const reapply = useCallback(async () => {
    if (!conflict) return
    const merged = reapplyEdits({ base: formValuesOf(conflict.base), server: formValuesOf(conflict.server), mine: currentValues() })
    setConflict(null)
    setBase(conflict.server)
    show(merged)
    await requestSave({ base: conflict.server, values: merged })
  }, [conflict, currentValues, requestSave, show])

  return {
    base,
    baseValues,
    values,
    setValues,
    currentValues,
    dirty,
    saving,
    failure,
    avatar,
    setAvatar,
    avatarProblem,
    setAvatarProblem,
    override,
    setOverride,
    relock,
    locked: (Boolean(base.documentLocked) || lockedByServer) && override === null,
    lockApplies: Boolean(base.documentLocked) || lockedByServer,
    conflict,
    confirming,
    closeConfirmation: () => setConfirming(null),
    confirmSave,
    requestSave,
    discard,
    reload,
    reapply
  }
}

export type UserFormController = ReturnType<typeof useUserForm>
