import type { KatexOptions } from 'katex'

export const KATEX_MACROS_FILE: string
export function katexMacrosPath(contentDir?: string): string
export function parseKatexMacros(text: string, file: string): Record<string, string>
export function loadKatexMacros(file?: string): Record<string, string>
export const katexOptions: KatexOptions & { macros: Record<string, string> }
