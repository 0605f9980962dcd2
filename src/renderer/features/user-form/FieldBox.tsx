import { Form, type FormItemProps } from 'antd'
import type { ReactNode } from 'react'
import type { FormField, UserFormValues } from './form-values'

interface FieldBoxProps extends Omit<FormItemProps<UserFormValues>, 'name' | 'children'> {
  name: FormField
  children: ReactNode
}

/**
 * One field of the form: antd's Form.Item inside a box that carries `data-field`, so that tests
 * (and the conflict panel's links) find a field by its API name in any language.
 */
export function FieldBox({ name, children, ...item }: FieldBoxProps) {
  return (
    <div data-field={name}>
      <Form.Item<UserFormValues> name={name} {...item}>
        {children}
      </Form.Item>
    </div>
  )
}
