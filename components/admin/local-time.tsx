'use client'

import { useSyncExternalStore } from 'react'
import { describeInstant } from '@/lib/editor/schedule'

const unchanging = () => () => {}

/**
 * An instant in the reader's own zone. The server knows no reader's zone: it renders UTC, named,
 * which the browser replaces with its own time as it hydrates.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    unchanging,
    () => describeInstant(iso),
    () => describeInstant(iso, 'UTC'),
  )
  return <time dateTime={iso}>{text}</time>
}
