import type { MetadataRoute } from 'next'
import { getAllSeries, getDescribedProblems, getNotes, getTags, type NoteSummary } from '@/lib/content'
import { siteConfig } from '@/lib/site'

const latest = (notes: NoteSummary[]) =>
  notes.reduce((newest, note) => {
    const changed = note.updated ?? note.date
    return changed > newest ? changed : newest
  }, '1970-01-01T00:00:00.000Z')

export default function sitemap(): MetadataRoute.Sitemap {
  const notes = getNotes()
  const url = (path: string) => `${siteConfig.url}${path}`
  return [
    { url: url('/'), lastModified: latest(notes) },
    { url: url('/cv'), lastModified: latest(notes) },
    ...getDescribedProblems().map((problem) => ({ url: url(problem.url) })),
    { url: url('/notes'), lastModified: latest(notes) },
    ...notes.map((note) => ({ url: url(note.url), lastModified: note.updated ?? note.date })),
    { url: url('/series'), lastModified: latest(notes) },
    ...getAllSeries().map((series) => ({ url: url(`/series/${series.slug}`), lastModified: latest(series.parts) })),
    { url: url('/tags'), lastModified: latest(notes) },
    ...getTags().map((tag) => ({ url: url(`/tags/${tag.slug}`), lastModified: latest(getNotes().filter((n) => n.tags.includes(tag.tag))) })),
    { url: url('/subscribe') },
  ]
}
