export function opensForeignFrontMatter(text: string, start?: number): boolean
export declare const FRONT_MATTER: RegExp
