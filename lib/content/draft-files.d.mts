export declare function isDraftSource(source: string): boolean
export declare function draftNoteFiles(contentDir: string): string[]
