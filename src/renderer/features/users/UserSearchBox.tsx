import { SearchOutlined } from '@ant-design/icons'
import { Input, Tooltip, Typography, type InputRef } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Focuses the search box on "/" (outside other fields) or Ctrl/Cmd+F, as in most back offices. */
function useSearchShortcut(input: React.RefObject<InputRef | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)
      const find = event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey
      if (!slash && !find) return
      event.preventDefault()
      input.current?.focus({ cursor: 'all' })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [input])
}

/** The free-text search over name, login, email, phone and company. Escape clears it. */
export function UserSearchBox({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation()
  const input = useRef<InputRef>(null)
  useSearchShortcut(input)
  return (
    <Input
      ref={input}
      data-testid="user-search"
      aria-label={t('users.searchLabel')}
      placeholder={t('users.searchPlaceholder')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) {
          event.preventDefault()
          onChange('')
        }
      }}
      allowClear
      maxLength={200}
      prefix={<SearchOutlined aria-hidden />}
      suffix={
        <Tooltip title={t('users.searchShortcut')}>
          <Typography.Text keyboard type="secondary" aria-hidden>
            /
          </Typography.Text>
        </Tooltip>
      }
      className="user-search"
    />
  )
}
