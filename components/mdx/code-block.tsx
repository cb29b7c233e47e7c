import type { ComponentPropsWithoutRef } from 'react'
import { CopyButton } from './copy-button'

export function CodeBlock(props: ComponentPropsWithoutRef<'pre'>) {
  return (
    <div className="relative">
      <pre {...props} tabIndex={0} />
      <CopyButton />
    </div>
  )
}
