import type { KatexOptions } from 'katex'

export const KATEX_MACROS_FILE: string
export const KATEX_MAX_SIZE_EM: number
export const KATEX_MAX_EXPAND: number
export function katexMacrosPath(contentDir?: string): string
export function parseKatexMacros(text: string, file: string): Record<string, string>
export function loadKatexMacros(file?: string): Record<string, string>
export const katexOptions: KatexOptions & { macros: Record<string, string> }
