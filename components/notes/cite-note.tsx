import type { ReactNode } from 'react'
import { CopyButton } from '@/components/mdx/copy-button'
import { apaReference, bibtexEntry, type CitableNote } from '@/lib/notes/citation-formats'
import { doiUrl } from '@/lib/notes/doi'

type CiteNoteProps = {
  note: CitableNote
  /** The author's full name, given names first (siteConfig.name). */
  author: string
  siteName: string
}

const textBox = 'rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'

type CitationFormatProps = { heading: string; label: string; textId: string; children: ReactNode }

function CitationFormat({ heading, label, textId, children }: CitationFormatProps) {
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-zinc-950 dark:text-white">{heading}</h3>
        <CopyButton targetId={textId} label={label} />
      </div>
      {children}
    </div>
  )
}

/**
 * "Cite this note": APA and BibTeX as selectable text (nothing needs JavaScript but the copy
 * buttons), and the DOI link when the note has one. Published notes only: a draft's address and
 * date are not yet the ones a reader could cite.
 */
export function CiteNote({ note, author, siteName }: CiteNoteProps) {
  return (
    <section aria-labelledby="cite-heading" className="space-y-4 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="cite-heading" className="text-lg font-semibold text-zinc-950 dark:text-white">
        Cite this note
      </h2>
      {note.doi && (
        <p className="text-sm text-zinc-900 dark:text-zinc-100">
          DOI:{' '}
          <a href={doiUrl(note.doi)} className="break-all text-sky-800 underline dark:text-sky-200">
            {doiUrl(note.doi)}
          </a>
        </p>
      )}
      <CitationFormat heading="APA (7th edition)" label="APA reference" textId="cite-apa-text">
        <p id="cite-apa-text" className={`${textBox} break-words`}>
          {apaReference(author, siteName, note)}
        </p>
      </CitationFormat>
      <CitationFormat heading="BibTeX" label="BibTeX entry" textId="cite-bibtex-text">
        <pre id="cite-bibtex-text" className={`${textBox} font-mono whitespace-pre-wrap break-words`}>
          {bibtexEntry(author, note)}
        </pre>
      </CitationFormat>
    </section>
  )
}
