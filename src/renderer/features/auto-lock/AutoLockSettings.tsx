import { LockOutlined } from '@ant-design/icons'
import { Button, InputNumber, Popover, Space, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { maxAutoLockMinutes } from '../../stores/preferences'
import { usePreferences } from '../../stores/app-stores'

/** The header's small auto-lock setting: after how many idle minutes the desk locks (remembered). */
export function AutoLockSettings() {
  const { t } = useTranslation()
  const minutes = usePreferences((state) => state.autoLockMinutes)
  const setMinutes = usePreferences((state) => state.setAutoLockMinutes)
  const [open, setOpen] = useState(false)
  const content = (
    <div className="auto-lock-settings" data-testid="auto-lock-settings">
      <Typography.Text strong>{t('roles.autoLock.settingsTitle')}</Typography.Text>
      <Space align="center" wrap style={{ display: 'flex', marginBlock: 8 }}>
        <label htmlFor="auto-lock-minutes">{t('roles.autoLock.after')}</label>
        <InputNumber<number>
          id="auto-lock-minutes"
          min={1}
          max={maxAutoLockMinutes}
          precision={0}
          value={minutes >= 1 ? minutes : 1}
          onChange={(value) => {
            if (value !== null) setMinutes(value)
          }}
          style={{ width: 88 }}
          data-testid="auto-lock-minutes"
        />
        <span>{t('roles.autoLock.minutes')}</span>
      </Space>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 280, marginBottom: 0 }}>
        {t('roles.autoLock.hint')}
      </Typography.Paragraph>
    </div>
  )
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Tooltip title={open ? null : t('roles.autoLock.settings')}>
        <Button type="text" icon={<LockOutlined />} aria-label={t('roles.autoLock.settings')} aria-expanded={open} data-testid="auto-lock-settings-button" />
      </Tooltip>
    </Popover>
  )
}
