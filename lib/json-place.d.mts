export function jsonErrorPlace(text: string, message: string): string
