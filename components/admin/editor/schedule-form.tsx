'use client'

import { useId, useState } from 'react'
import { localInputValue, localZone, scheduleChoice } from '@/lib/editor/schedule'

type ScheduleFormProps = {
  /** Sends the choice; resolves to the server's refusal, or null once scheduled. */
  onSchedule: (choice: { publishAt: string; date: string }) => Promise<string | null>
  onCancel: () => void
}

const HOUR_MS = 60 * 60 * 1000

/** A date and a time in the author's own zone, at which the note becomes public by itself. */
export function ScheduleForm({ onSchedule, onCancel }: ScheduleFormProps) {
  const id = useId()
  // The form opens at a click: "now" for its default and its earliest choice is that moment.
  const [opened] = useState(() => Date.now())
  const [value, setValue] = useState(() => localInputValue(opened + HOUR_MS))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const choice = scheduleChoice(value, Date.now())
    if (!choice.ok) return setError(choice.error)
    setBusy(true)
    const refusal = await onSchedule(choice)
    setBusy(false)
    setError(refusal)
  }

  return (
    <form
      aria-label="Schedule"
      noValidate
      onSubmit={(event) => (event.preventDefault(), void submit())}
      onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onCancel())}
      className="mt-2 flex flex-wrap items-end gap-2 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-at`} className="block font-medium">
          Publish at <span className="font-normal text-zinc-700 dark:text-zinc-300">(your time, {localZone()})</span>
        </label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={value}
          min={localInputValue(opened)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(event) => (setValue(event.target.value), setError(null))}
          className={`rounded-md border bg-white px-2 py-1.5 dark:bg-zinc-950 ${error ? 'border-red-700 dark:border-red-400' : 'border-zinc-400 dark:border-zinc-600'}`}
          autoFocus
        />
      </div>
      <button type="submit" disabled={busy} className="rounded-md bg-sky-800 px-3 py-1.5 font-medium text-white disabled:opacity-60 dark:bg-sky-300 dark:text-zinc-950">
        {busy ? 'Scheduling…' : 'Schedule'}
      </button>
      <button type="button" onClick={onCancel} className="rounded-md border border-zinc-400 px-3 py-1.5 dark:border-zinc-600">
        Cancel
      </button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="w-full text-xs text-zinc-600 dark:text-zinc-400">
          Until then it is a draft to readers: on no page, list, feed, sitemap or search. Its date becomes that day.
        </p>
      )}
    </form>
  )
}
