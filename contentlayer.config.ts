import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
import { countWords, extractHeadings, readingMinutes } from './lib/content/text'
import { findContentProblems, formatContentProblems } from './lib/content/validate'
import { rehypePlugins, remarkPlugins } from './lib/mdx/pipeline.mjs'

export const Note = defineDocumentType(() => ({
  name: 'Note',
  filePathPattern: 'notes/*.mdx',
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
    draft: { type: 'boolean', default: false },
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
}))

const contentDir = process.env.CONTENT_DIR ?? 'content'

export default makeSource({
  contentDirPath: contentDir,
  documentTypes: [Note, Profile, Problem],
  disableImportAliasWarning: true,
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  mdx: { remarkPlugins, rehypePlugins },
  onSuccess: async (importData) => {
    const { allNotes } = await importData()
    const readSource = (file: string) => readFileSync(path.join(contentDir, file), 'utf8')
    const problems = findContentProblems(allNotes, readSource)
    if (problems.length > 0) throw new Error(formatContentProblems(problems, contentDir))
  },
})
