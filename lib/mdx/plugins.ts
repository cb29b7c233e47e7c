import type { PluggableList } from 'unified'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeKatex from 'rehype-katex'
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import rehypeTaskListLabels from './rehype-task-list-labels'

// One pipeline for every place Markdown becomes HTML (build, and later the admin preview and
// feeds), so readers see exactly what the author previewed.
const prettyCodeOptions: PrettyCodeOptions = {
  theme: { light: 'github-light-default', dark: 'github-dark-default' },
  keepBackground: false,
  defaultLang: { block: 'plaintext' },
}

export const remarkPlugins: PluggableList = [remarkGfm, remarkMath]

export const rehypePlugins: PluggableList = [
  rehypeSlug,
  rehypeTaskListLabels,
  [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
  [rehypeKatex, { throwOnError: true, strict: 'error' }],
  [rehypePrettyCode, prettyCodeOptions],
]
