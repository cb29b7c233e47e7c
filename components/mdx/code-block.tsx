import type { ComponentPropsWithoutRef } from 'react'
import { CopyButton } from './copy-button'

/** A highlighted code block with its copy button above it, never over the code. */
export function CodeBlock(props: ComponentPropsWithoutRef<'pre'>) {
  return (
    <div data-code-block>
      <div className="flex justify-end">
        <CopyButton />
      </div>
      <pre {...props} tabIndex={0} />
    </div>
  )
}
