import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { contentDirExcludeDefault, defineDocumentType, makeSource } from 'contentlayer2/source-files'
import { ContentBuildError, formatProblemList, reportingContentProblems, throwIfProblems } from './lib/content/build-report'
import { findContentMathProblems } from './lib/content/check-math'
import { findContentCitationProblems, findReferencesProblems } from './lib/content/check-citations'
import { forgetCacheWhenInputsChange } from './lib/content/compile-cache'
import { REFERENCES_FILE } from './lib/citations/references.mjs'
import { now } from './lib/content/clock.mjs'
import { draftNoteFiles, scheduledNoteFiles } from './lib/content/draft-files.mjs'
import { findScheduledNoteProblems } from './lib/content/scheduled-notes'
import { countWords, extractHeadings, readingMinutes } from './lib/notes/text'
import { buildNotebookNotes, GENERATED_NOTEBOOK_DIR, isGeneratedNotebookNote } from './lib/notebooks/build'
import { CV_FILE, findCvProblems } from './lib/content/cv'
import { findContentProblems, findProblemSlugClashes, formatContentProblems, type NoteFields, type ProblemFields } from './lib/content/validate'
import { buildImageRoots, ensureContentVariants } from './lib/images/build'
import rehypeImageVariants from './lib/images/rehype-variants'
import { grayMatterOptions } from './lib/mdx/front-matter-guard.mjs'
import { KATEX_MACROS_FILE, loadKatexMacros } from './lib/mdx/katex-options.mjs'
import { rehypePluginsFor, remarkPlugins } from './lib/mdx/pipeline.mjs'
import { DEFAULT_CONTENT_DIR, PUBLIC_DIR } from './lib/settings/defaults.mjs'

export const Note = defineDocumentType(() => ({
  name: 'Note',
  // Notes written as MDX, and those generated from notebooks (notes/*.ipynb) by buildNotebookNotes.
  filePathPattern: `{notes/*.mdx,${GENERATED_NOTEBOOK_DIR}/*.mdx}`,
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    // A draft may have neither yet; lib/content/validate.ts requires both once a note is published.
    date: { type: 'date' },
    summary: { type: 'string', default: '' },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    series: { type: 'string' },
    seriesOrder: { type: 'number' },
    updated: { type: 'date' },
    // Checked by lib/content/validate.ts: 10.NNNN/suffix.
    doi: { type: 'string' },
    draft: { type: 'boolean', default: false },
    // Scheduled: an instant (2026-12-03T09:00:00Z) before which the note is left out like a draft.
    publishAt: { type: 'string' },
    // Set on generated notes only: the notebook (relative to the content folder) they come from.
    notebook: { type: 'string' },
  },
  computedFields: {
    slug: { type: 'string', resolve: (note) => note._raw.sourceFileName.replace(/\.mdx$/, '') },
    url: { type: 'string', resolve: (note) => `/notes/${note._raw.sourceFileName.replace(/\.mdx$/, '')}` },
    wordCount: { type: 'number', resolve: (note) => countWords(note.body.raw) },
    readingMinutes: { type: 'number', resolve: (note) => readingMinutes(countWords(note.body.raw)) },
    headings: { type: 'json', resolve: (note) => extractHeadings(note.body.raw) },
  },
}))

export const Profile = defineDocumentType(() => ({
  name: 'Profile',
  filePathPattern: 'profile.mdx',
  contentType: 'mdx',
  isSingleton: true,
  fields: {
    name: { type: 'string', required: true },
    role: { type: 'string', required: true },
    employer: { type: 'string', required: true },
    avatar: { type: 'string', required: true },
    avatarAlt: { type: 'string', required: true },
    obfuscatedEmail: { type: 'string', required: true },
    cvAsOf: { type: 'date', required: true },
  },
}))

export const Problem = defineDocumentType(() => ({
  name: 'Problem',
  filePathPattern: 'problems/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    order: { type: 'number', required: true },
  },
  computedFields: {
    // The file name without its order prefix: 01-anomaly-detection.mdx is /problems/anomaly-detection.
    slug: { type: 'string', resolve: (problem) => problem._raw.sourceFileName.replace(/\.mdx$/, '').replace(/^\d+-/, '') },
  },
}))

/**
 * The CV's optional sections, all in one optional file. Each section's entries are checked by
 * lib/content/cv.ts (after the build, naming the file and field), not here: Contentlayer's nested
 * types would report a bad entry without saying which one.
 */
export const Cv = defineDocumentType(() => ({
  name: 'Cv',
  filePathPattern: 'cv.yaml',
  contentType: 'data',
  fields: {
    links: { type: 'json' },
    experience: { type: 'json' },
    education: { type: 'json' },
    skills: { type: 'json' },
    publications: { type: 'json' },
  },
}))

// Outside the Next server: read here, with lib/settings' default.
const contentDir = process.env.CONTENT_DIR || DEFAULT_CONTENT_DIR

let shownWarnings = ''

// Problems found before compiling are reported together, each once, without a stack trace.
export default makeSource(() => reportingContentProblems(async () => {
  loadKatexMacros(path.resolve(contentDir, KATEX_MACROS_FILE)) // a malformed macro file stops here, named
  throwIfProblems([formatProblemList('References that cannot be read', findReferencesProblems(contentDir))])
  forgetCacheWhenInputsChange([KATEX_MACROS_FILE, REFERENCES_FILE].map((file) => path.join(contentDir, file)))
  const at = now()
  const drafts = draftNoteFiles(contentDir, at)
  const scheduled = scheduledNoteFiles(contentDir, at)
  const mathProblems = findContentMathProblems(contentDir, drafts)
  const citationProblems = findContentCitationProblems(contentDir, drafts)
  const notebooks = buildNotebookNotes(contentDir, PUBLIC_DIR)
  throwIfProblems([
    formatProblemList('Math that cannot be rendered', mathProblems),
    formatProblemList('Citations of keys not in references.bib', citationProblems),
    formatProblemList('Invalid notebooks', notebooks.problems),
    formatProblemList('Scheduled notes that could not be published at their time', findScheduledNoteProblems(contentDir, scheduled)),
  ])
  const warnings = formatProblemList('Notebooks build, with warnings (math KaTeX renders though LaTeX would not, links shown as text)', notebooks.warnings)
  // Contentlayer runs this function more than once per build: the same list is shown once.
  if (warnings && warnings !== shownWarnings) console.warn(warnings)
  shownWarnings = warnings
  // Before any note compiles: the image step below links only the variants that exist.
  const imageRoots = buildImageRoots()
  await ensureContentVariants(imageRoots, notebooks.plots)
  return {
    contentDirPath: contentDir,
    documentTypes: [Note, Profile, Problem, Cv],
    // Notebooks are read by buildNotebookNotes; excluded here so the watcher does not call them unknown.
    // The admin's lock folders come and go with every save, and each folder event reloads everything.
    // Drafts, and notes scheduled for later, are never built (lib/content/draft-files.mjs): nothing public needs them.
    contentDirExclude: [...contentDirExcludeDefault, KATEX_MACROS_FILE, REFERENCES_FILE, '**/*.ipynb', '**/.locks', ...drafts],
    disableImportAliasWarning: true,
    onUnknownDocuments: 'fail',
    onExtraFieldData: 'fail',
    onMissingOrIncompatibleData: 'fail',
    // Image sizes and variants only here: the admin preview shows the originals, as uploaded.
    // Notes generated from notebooks render the math their checks let through (lib/notebooks/check-math.ts).
    mdx: { remarkPlugins, rehypePlugins: [...rehypePluginsFor({ lenientMathFor: isGeneratedNotebookNote }), [rehypeImageVariants, { roots: imageRoots }]], grayMatterOptions },
    // Reads what was just written rather than importing it: a warm builder (lib/publishing) runs
    // many generations in one process, where an import would return the first one for ever.
    onSuccess: () =>
      reportingContentProblems(() => {
        const allNotes = JSON.parse(readFileSync(path.join('.contentlayer', 'generated', 'Note', '_index.json'), 'utf8')) as NoteFields[]
        const readSource = (file: string) => readFileSync(path.join(contentDir, file), 'utf8')
        const allProblems = JSON.parse(readFileSync(path.join('.contentlayer', 'generated', 'Problem', '_index.json'), 'utf8')) as ProblemFields[]
        const cvFile = path.join(contentDir, CV_FILE)
        const problems = [
          ...findContentProblems(allNotes, readSource, at),
          ...findProblemSlugClashes(allProblems),
          ...(existsSync(cvFile) ? findCvProblems(readFileSync(cvFile, 'utf8')) : []),
        ]
        if (problems.length > 0) throw new ContentBuildError(formatContentProblems(problems, contentDir))
        notebooks.removeStaleFiles()
      }),
  }
}))
