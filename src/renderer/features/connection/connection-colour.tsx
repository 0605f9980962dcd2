import { CheckOutlined } from '@ant-design/icons'
import { Radio, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { colourOf, connectionColours, type ConnectionColour, type ConnectionProfile } from '../../../shared/connections'
import './connection-colour.css'

/** antd's preset colour for a connection colour (a Tag's `color`); grey is the plain default tag. */
export function tagColourOf(colour: ConnectionColour): string | undefined {
  return colour === 'grey' ? undefined : colour
}

/** A small dot in the connection's colour, beside its name in the picker. */
export function ConnectionColourDot({ profile }: { profile: ConnectionProfile }) {
  const colour = colourOf(profile)
  return <span className={`connection-colour-dot connection-colour--${colour}`} data-colour={colour} aria-hidden />
}

/** The palette as a radio group of swatches, each named for screen readers and in a tooltip. */
export function ConnectionColourChoice({ value, onChange }: { value?: ConnectionColour; onChange?: (colour: ConnectionColour) => void }) {
  const { t } = useTranslation()
  return (
    <Radio.Group
      className="connection-colour-choice"
      value={value}
      onChange={(event) => onChange?.(event.target.value as ConnectionColour)}
      data-testid="connection-colour"
      aria-label={t('roles.connectionColour.label')}
    >
      {connectionColours.map((colour) => (
        <Tooltip key={colour} title={t(`roles.connectionColour.names.${colour}`)}>
          <Radio.Button value={colour} aria-label={t(`roles.connectionColour.names.${colour}`)} data-testid={`connection-colour-${colour}`} className="connection-colour-choice__swatch">
            <span className={`connection-colour-swatch connection-colour--${colour}`}>{value === colour ? <CheckOutlined aria-hidden /> : null}</span>
          </Radio.Button>
        </Tooltip>
      ))}
    </Radio.Group>
  )
}
