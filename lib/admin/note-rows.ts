export type NoteStatus = 'draft' | 'scheduled' | 'published' | 'awaiting-deploy' | 'invalid'

export type AdminNoteRow = {
  slug: string
  title: string
  status: NoteStatus
  date?: string
  updated?: string
  tags: string[]
  problem?: string
  /** A scheduled note's time (ISO): it becomes public then. */
  publishAt?: string
  /** Set for a note made from a notebook at build time: the file, edited outside the admin. */
  notebook?: string
}

export const STATUS_LABELS: Record<NoteStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  'awaiting-deploy': 'Published, awaiting deploy',
  invalid: 'Cannot be read',
}

/** The labels as the author should read them: on a live site, "awaiting deploy" means not on the site yet. */
export function statusLabels(mode: 'live' | 'deploy'): Record<NoteStatus, string> {
  return mode === 'live' ? { ...STATUS_LABELS, 'awaiting-deploy': 'Published, not on the site yet' } : STATUS_LABELS
}

export function filterNotes(rows: AdminNoteRow[], status: string | undefined, query: string | undefined): AdminNoteRow[] {
  const needle = query?.trim().toLowerCase()
  return rows.filter(
    (row) =>
      (!status || status === 'all' || row.status === status) &&
      (!needle || [row.title, row.slug, ...row.tags].some((value) => value.toLowerCase().includes(needle))),
  )
}
