/** `text` without any of `chars` at its end ("a-b--" with "-" → "a-b"). */
export function trimEndChars(text: string, chars: string): string
/** `text` without any of `chars` at either end ("--a-b--" with "-" → "a-b"). */
export function trimChars(text: string, chars: string): string
