import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

/** How a notebook's Markdown (cells and text/markdown outputs) is read: as Jupyter does, plus math. */
export const notebookMarkdown = unified().use(remarkParse).use(remarkGfm).use(remarkMath)
