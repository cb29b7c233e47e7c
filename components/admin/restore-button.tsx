'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { adminRequest, noteApiUrl } from '@/lib/editor/api'
import { clearLocalCopy, localCopyKey } from '@/lib/editor/local-copy'
import { keepRestoreNotice } from '@/lib/editor/restore-notice'

type RestoreButtonProps = { slug: string; revision: string; version: string | null; label: string }

/** Restores a note to a revision (a new commit; nothing in history is lost), then opens it, saying what came back. */
export function RestoreButton({ slug, revision, version, label }: RestoreButtonProps) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const restore = async () => {
    const replaces = version ? ' It replaces the current text; that stays in the history too.' : ''
    if (!window.confirm(`Restore this version of “${slug}”?${replaces}`)) return
    const result = await adminRequest<{ message: string }>(noteApiUrl(slug, 'restore'), 'POST', { revision, version })
    if (result.kind !== 'ok') {
      setError(result.error)
      return
    }
    clearLocalCopy(window.localStorage, localCopyKey(slug))
    keepRestoreNotice(window.sessionStorage, slug, result.data.message)
    router.push(`/admin/notes/${slug}`)
    router.refresh()
  }
  return (
    <>
      <button type="button" onClick={() => void restore()} className="rounded-md border border-zinc-500 px-2 py-1 text-xs font-medium">
        {label}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-800 dark:text-red-300">
          {error}
        </span>
      )}
    </>
  )
}
