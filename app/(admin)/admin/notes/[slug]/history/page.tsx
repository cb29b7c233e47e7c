import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LineDiff } from '@/components/admin/line-diff'
import { RestoreButton } from '@/components/admin/restore-button'
import { requireAuthor } from '@/lib/auth'
import { validateSlug } from '@/lib/notes/slug'
import { noteStore } from '@/lib/drafts/store-instance'

export const metadata: Metadata = { title: 'Note history' }

type HistoryProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ rev?: string }> }

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC'

/** A note's revisions (git commits of its file), each with its changes and a way back to it. */
export default async function NoteHistoryPage({ params, searchParams }: HistoryProps) {
  const { slug } = await params
  const { rev } = await searchParams
  await requireAuthor(`/admin/notes/${encodeURIComponent(slug)}/history`)
  if (!validateSlug(slug).ok) notFound()
  const store = noteStore()
  const revisions = await store.history(slug)
  const current = await store.read(slug).catch(() => null)
  if (revisions === null) {
    return <p>The content folder is not in a git repository, so notes have no history here.</p>
  }
  if (revisions.length === 0 && !current) notFound()

  const selected = revisions.findIndex((revision) => revision.commit === rev)
  const shown = selected === -1 ? 0 : selected
  const revision = revisions[shown]
  const after = revision ? ((await store.sourceAt(slug, revision.commit)) ?? '') : ''
  const previous = revisions[shown + 1]
  const before = previous ? ((await store.sourceAt(slug, previous.commit)) ?? '') : ''

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">History of “{slug}”</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {current ? (
            <Link href={`/admin/notes/${slug}`} className="text-sky-800 underline dark:text-sky-300">
              Back to the editor
            </Link>
          ) : (
            'This note is deleted; restore a revision to bring it back as a draft.'
          )}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading" className="mb-2 font-semibold">
            Revisions ({revisions.length})
          </h2>
          <ol className="space-y-2 text-sm">
            {revisions.map((entry, index) => (
              <li key={entry.commit} className={`rounded-md border p-2 ${index === shown ? 'border-sky-700 dark:border-sky-300' : 'border-zinc-300 dark:border-zinc-700'}`}>
                <Link href={`?rev=${entry.commit}`} aria-current={index === shown ? 'true' : undefined} className="block text-sky-800 underline dark:text-sky-300">
                  {entry.message}
                </Link>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  <time dateTime={entry.date}>{dateTime(entry.date)}</time> · {entry.commit.slice(0, 7)}
                </span>
                {!entry.message.startsWith('Delete note') && (
                  <div className="mt-1">
                    <RestoreButton slug={slug} revision={entry.commit} version={current?.version ?? null} label="Restore this version" />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="changes-heading" className="min-w-0">
          <h2 id="changes-heading" className="mb-2 font-semibold">
            {revision ? `Changes in “${revision.message}”` : 'No revisions yet'}
          </h2>
          <LineDiff before={before} after={after} testId="revision-diff" />
        </section>
      </div>
    </div>
  )
}
