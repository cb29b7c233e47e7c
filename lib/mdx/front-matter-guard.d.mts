export const EXECUTABLE_FRONT_MATTER_MESSAGE: string
export function disableExecutableFrontMatter(): void
export function grayMatterOptions(options: Record<string, unknown>): Record<string, unknown>
export function opensForeignFrontMatter(text: string, start?: number): boolean
