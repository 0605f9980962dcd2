import { DeleteOutlined, UndoOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons'
import { Avatar, Button, Space, Typography } from 'antd'
import { useId, useRef, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { avatarTypes } from '../../../shared/users'
import { avatarFileProblem, base64OfDataUrl, isAvatarType, type StagedAvatar } from './avatar-file'
import type { FieldProblem } from './field-validation'
import { useProblemText } from './use-field-rules'
import { useAvatarImage } from './user-form-queries'

interface AvatarFieldProps {
  userId: number
  name: string
  avatarUrl: string | null | undefined
  staged: StagedAvatar | null
  problem: FieldProblem | null
  disabled: boolean
  onStage(avatar: StagedAvatar | null): void
  onProblem(problem: FieldProblem | null): void
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(file)
  })
}

/**
 * The avatar with a preview: Upload (or Replace) stages a picture, Remove stages the removal; both
 * are sent with Save, like every other change of the form. The file's type and size are checked
 * here first, so a wrong file is explained in words and never sent.
 */
export function AvatarField({ userId, name, avatarUrl, staged, problem, disabled, onStage, onProblem }: AvatarFieldProps) {
  const { t } = useTranslation()
  const problemText = useProblemText()
  const input = useRef<HTMLInputElement>(null)
  const labelId = useId()
  const current = useAvatarImage(userId, avatarUrl)
  const currentUrl = current.data?.dataUrl ?? null
  const shown = staged?.kind === 'set' ? staged.dataUrl : staged?.kind === 'remove' ? null : currentUrl
  const hasPicture = shown !== null

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Choosing the same file again must fire a change too.
    event.target.value = ''
    if (!file) return
    const wrong = avatarFileProblem(file)
    if (wrong) {
      onProblem(wrong)
      return
    }
    try {
      const dataUrl = await readAsDataUrl(file)
      const base64 = base64OfDataUrl(dataUrl)
      if (!base64 || !isAvatarType(file.type)) throw new Error('unreadable')
      onProblem(null)
      onStage({ kind: 'set', contentType: file.type, base64, dataUrl })
    } catch {
      onProblem({ key: 'avatarUnreadable' })
    }
  }

  const state = staged ? `staged-${staged.kind}` : hasPicture ? 'set' : current.isPending && avatarUrl ? 'loading' : 'none'
  return (
    <div className="user-form__avatar" data-testid="avatar-field" data-state={state} role="group" aria-labelledby={labelId}>
      <Typography.Text strong id={labelId}>
        {t('userForm.fields.avatar')}
      </Typography.Text>
      <Avatar
        size={96}
        shape="square"
        src={shown ?? undefined}
        icon={hasPicture ? undefined : <UserOutlined />}
        alt={t('userForm.avatar.alt', { name })}
        data-testid="avatar-preview"
      />
      <input
        ref={input}
        type="file"
        // Not the `hidden` attribute: antd's form styles show file inputs whatever it says.
        style={{ display: 'none' }}
        accept={avatarTypes.join(',')}
        onChange={(event) => void choose(event)}
        data-testid="avatar-input"
        aria-label={t('userForm.fields.avatar')}
      />
      <Space size={4} wrap>
        <Button size="small" icon={<UploadOutlined aria-hidden />} disabled={disabled} onClick={() => input.current?.click()} data-testid="avatar-upload">
          {hasPicture ? t('userForm.avatar.replace') : t('userForm.avatar.upload')}
        </Button>
        {staged ? (
          <Button
            size="small"
            icon={<UndoOutlined aria-hidden />}
            disabled={disabled}
            onClick={() => {
              onStage(null)
              onProblem(null)
            }}
            data-testid="avatar-keep"
          >
            {t('userForm.avatar.keep')}
          </Button>
        ) : null}
        {hasPicture && staged?.kind !== 'set' ? (
          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} disabled={disabled} onClick={() => onStage({ kind: 'remove' })} data-testid="avatar-remove">
            {t('userForm.avatar.remove')}
          </Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary" className="user-form__avatar-note">
        {staged?.kind === 'set' ? t('userForm.avatar.pending') : staged?.kind === 'remove' ? t('userForm.avatar.pendingRemoval') : t('userForm.avatar.rules')}
      </Typography.Text>
      {problem ? (
        <Typography.Text type="danger" role="alert" data-testid="avatar-error">
          {problemText(problem)}
        </Typography.Text>
      ) : current.isError ? (
        <Typography.Text type="warning">{t('userForm.avatar.loadFailed')}</Typography.Text>
      ) : null}
    </div>
  )
}
