'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'

type Failure = { error?: string; errors?: Record<string, string>; problems?: { line: number; message: string }[] }

/** Uploads an .ipynb; on success opens the new draft, otherwise says what is wrong with it. */
export function NotebookImportForm() {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      const response = await fetch('/api/admin/notebooks', { method: 'POST', body: new FormData(event.currentTarget) })
      const data = await response.json().catch(() => ({ error: `The server answered ${response.status}.` }))
      if (!response.ok) {
        setFailure(data)
        return
      }
      router.push(`/admin/notes/${data.slug}`)
    } catch {
      setFailure({ error: 'Could not reach the server; nothing was imported.' })
    } finally {
      setBusy(false)
    }
  }

  const details = [
    ...Object.entries(failure?.errors ?? {}).map(([field, message]) => `${field}: ${message}`),
    ...(failure?.problems ?? []).map((problem) => `Body line ${problem.line}: ${problem.message}`),
  ]
  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="flex flex-col gap-2 text-sm font-medium">
        Notebook (.ipynb)
        <input
          type="file"
          name="notebook"
          accept=".ipynb,application/x-ipynb+json"
          required
          className="rounded-md border border-zinc-400 bg-white p-2 text-sm dark:border-zinc-600 dark:bg-zinc-900"
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-sky-800 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 dark:bg-sky-300 dark:text-zinc-950"
      >
        {busy ? 'Importing…' : 'Import as a draft'}
      </button>
      {failure && (
        <div role="alert" className="rounded-md border border-red-700/50 bg-red-50 p-3 text-sm text-red-900 dark:border-red-300/50 dark:bg-red-950/60 dark:text-red-100">
          <p>{failure.error ?? 'The notebook could not be imported.'}</p>
          {details.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  )
}
