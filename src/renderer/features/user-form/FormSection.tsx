import { Typography } from 'antd'
import type { ReactNode } from 'react'

/** A titled group of fields, named for screen readers by its heading. */
export function FormSection({ id, title, children, extra }: { id: string; title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <section className="user-form__section" aria-labelledby={`user-form-${id}`} data-section={id}>
      <div className="user-form__section-head">
        <Typography.Title level={2} id={`user-form-${id}`} className="user-form__section-title">
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  )
}
