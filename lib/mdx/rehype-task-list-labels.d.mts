import type { Root } from 'hast'

/** Names each GFM task-list checkbox after its item's text, so screen readers say what is checked. */
export default function rehypeTaskListLabels(): (tree: Root) => void
