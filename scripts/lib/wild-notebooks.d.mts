export type WildNote = { from: string; slug: string; date: string; title?: string; beside?: string[] }
export const WILD_NOTES: WildNote[]
export function copyWildNotebooks(contentDir: string): void
