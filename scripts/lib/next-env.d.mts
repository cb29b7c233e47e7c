/** Environment values for a Next server started by a script, safe from Next's `$` expansion. */
export function forNextServer(values: Record<string, string>, root: string): Record<string, string>
