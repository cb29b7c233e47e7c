// Plain JavaScript, typed by its JSDoc: the preview compile worker loads it with Node
// directly, outside the Next bundle.

/** @param {import('hast').ElementContent} node @returns {string} */
function textOf(node) {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}

/** @param {import('hast').ElementContent} node @returns {node is import('hast').Element} */
function isCheckbox(node) {
  return node.type === 'element' && node.tagName === 'input' && node.properties?.type === 'checkbox'
}

/** @param {import('hast').Root | import('hast').Element} node */
function visit(node) {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'li') labelTaskItem(child)
    visit(child)
  }
}

/**
 * Names each GFM task-list checkbox after its item's text, so screen readers say what is checked.
 * @param {import('hast').Element} item
 */
function labelTaskItem(item) {
  const holder = item.children.find((c) => c.type === 'element' && c.tagName === 'p') ?? item
  const checkbox = /** @type {import('hast').Element} */ (holder).children.find(isCheckbox)
  if (!checkbox) return
  const label = /** @type {import('hast').Element} */ (holder).children
    .filter((c) => c !== checkbox)
    .map(textOf)
    .join('')
    .trim()
  if (label) checkbox.properties = { ...checkbox.properties, ariaLabel: label }
}

export default function rehypeTaskListLabels() {
  return (/** @type {import('hast').Root} */ tree) => visit(tree)
}
