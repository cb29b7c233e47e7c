import type { ComponentPropsWithoutRef } from 'react'

/**
 * A Markdown table that scrolls sideways inside its own box on a narrow screen (a wide DataFrame
 * from a notebook, say) instead of widening the page; the box is focusable so keyboards can scroll.
 */
export function ScrollTable(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="table-scroll" role="group" aria-label="Table, scrolls sideways" tabIndex={0}>
      <table {...props} />
    </div>
  )
}
