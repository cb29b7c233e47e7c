import type { PluggableList } from 'unified'

export const remarkPlugins: PluggableList
export const rehypePlugins: PluggableList
