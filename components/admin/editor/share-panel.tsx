'use client'

import { useCallback, useEffect, useState } from 'react'
import { adminRequest, noteApiUrl } from '@/lib/editor/api'

type ShareLink = { id: string; token: string; expires: number }

/** Read-only links to this draft for reviewers: create one for 1, 7 or 30 days, revoke any. */
export function SharePanel({ slug }: { slug: string }) {
  const [links, setLinks] = useState<ShareLink[]>([])
  const [days, setDays] = useState('7')
  const [message, setMessage] = useState<string | null>(null)

  const load = useCallback(async () => {
    const result = await adminRequest<{ shares: ShareLink[] }>(noteApiUrl(slug, 'shares'), 'GET')
    if (result.kind === 'ok') setLinks(result.data.shares)
  }, [slug])

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list lives on the server
    void load()
  }, [load])

  const create = async () => {
    const result = await adminRequest<ShareLink>(noteApiUrl(slug, 'shares'), 'POST', { days: Number(days) })
    setMessage(result.kind === 'ok' ? 'Link created. Anyone with it can read this draft until it expires.' : `No link: ${result.error}`)
    await load()
  }

  const revoke = async (id: string) => {
    const result = await adminRequest(noteApiUrl(slug, 'shares'), 'DELETE', { id })
    setMessage(result.kind === 'ok' ? 'Link revoked: it no longer works.' : `Not revoked: ${result.error}`)
    await load()
  }

  const origin = typeof window === 'undefined' ? '' : window.location.origin
  return (
    <section aria-labelledby="share-heading" className="space-y-2 rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700">
      <h2 id="share-heading" className="font-semibold">
        Share this draft
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          Link lasts
          <select value={days} onChange={(event) => setDays(event.target.value)} className="rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900">
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </select>
        </label>
        <button type="button" onClick={() => void create()} className="rounded-md border border-zinc-500 px-3 py-1 font-medium">
          Create preview link
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {links.length > 0 && (
        <ul className="space-y-2">
          {links.map((link) => (
            <li key={link.id} className="space-y-1">
              <input
                readOnly
                aria-label={`Preview link, expires ${new Date(link.expires).toLocaleString()}`}
                value={`${origin}/share/${link.token}`}
                className="w-full rounded-md border border-zinc-400 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800"
                onFocus={(event) => event.target.select()}
              />
              <p className="flex items-center gap-2 text-xs">
                Expires {new Date(link.expires).toLocaleString()}
                <button type="button" onClick={() => void revoke(link.id)} className="text-red-800 underline dark:text-red-300">
                  Revoke
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
