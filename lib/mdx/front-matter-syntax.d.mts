export function opensForeignFrontMatter(text: string, start?: number): boolean
