import { SettingOutlined } from '@ant-design/icons'
import { Button, Checkbox, Popover } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fixedColumns, normalizeColumns, userColumnKeys, type UserColumnKey } from '../../stores/user-grid-settings'
import { columnTitle } from '../users/user-columns'

/** Show or hide the grid's columns; name and username always stay. */
export function ColumnChooser({ columns, onChange }: { columns: readonly UserColumnKey[]; onChange: (columns: readonly UserColumnKey[]) => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }

  const content = (
    <div
      ref={panel}
      data-testid="column-chooser-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close()
      }}
    >
      <Checkbox.Group<UserColumnKey>
        className="column-chooser"
        aria-label={t('userGrid.columns.chooserLabel')}
        value={[...columns]}
        onChange={(checked) => onChange(normalizeColumns(checked))}
        options={userColumnKeys.map((key) => {
          const fixed = fixedColumns.includes(key)
          const title = columnTitle(key, t)
          return { value: key, disabled: fixed, label: fixed ? t('userGrid.columns.fixed', { column: title }) : title }
        })}
      />
    </div>
  )

  return (
    <Popover
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : close())}
      // Keyboard users land on the first column they can change.
      afterOpenChange={(opened) => {
        if (opened) panel.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus()
      }}
      trigger="click" placement="bottomRight" title={t('userGrid.columns.chooserLabel')} content={content}>
      <Button ref={button} icon={<SettingOutlined />} data-testid="column-chooser" aria-haspopup="dialog" aria-expanded={open}>
        {t('userGrid.columns.chooser')}
      </Button>
    </Popover>
  )
}
