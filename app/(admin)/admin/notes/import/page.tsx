import type { Metadata } from 'next'
import { NotebookImportForm } from '@/components/admin/import/notebook-import-form'
import { requireAuthor } from '@/lib/auth'

export const metadata: Metadata = { title: 'Import a notebook' }

export default async function ImportNotebookPage() {
  await requireAuthor('/admin/notes/import')
  return (
    <div className="max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Import a Jupyter notebook</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          The notebook becomes a new draft you can edit and preview: Markdown cells stay Markdown (math included), code cells
          become code blocks, and stored outputs follow each cell — text as text, HTML tables as tables, plots as images
          stored with the note. Cells tagged <code>hide-input</code> show only their output; <code>remove-cell</code> drops a
          cell.
        </p>
        <p className="text-zinc-700 dark:text-zinc-300">
          Put the note&apos;s fields in the first Markdown cell as front matter, between two <code>---</code> lines (
          <code>title</code>, <code>summary</code>, <code>tags</code>, <code>series</code>, <code>seriesOrder</code>); a code
          cell&apos;s <code>alt</code> metadata becomes the alt text of its plots.
        </p>
        <p className="text-zinc-700 dark:text-zinc-300">
          Plots are stored as PNG, JPEG, GIF, WebP or AVIF, never SVG (which can carry scripts): a figure saved only as SVG
          is refused, so set <code>%config InlineBackend.figure_formats = [&apos;png&apos;]</code> before plotting.
        </p>
      </header>
      <NotebookImportForm />
    </div>
  )
}
