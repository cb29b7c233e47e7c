/** Names of the MDX components notes may use (components/mdx/mdx-components.tsx renders them). */
export const NOTE_COMPONENT_NAMES: ReadonlySet<string> = new Set(['Figure', 'SerialVsParallel', 'LayerFlow', 'Layer', 'CellOutput', 'InteractiveChart'])
