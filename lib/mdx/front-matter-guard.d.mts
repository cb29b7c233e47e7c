export const EXECUTABLE_FRONT_MATTER_MESSAGE: string
export function disableExecutableFrontMatter(): void
export function grayMatterOptions<Options extends { engines?: unknown }>(options: Options): Options
export function opensForeignFrontMatter(text: string, start?: number): boolean
