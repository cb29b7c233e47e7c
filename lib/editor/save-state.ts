import { sameFields, type EditorFields } from './fields'
import { savedAgo } from './saved-ago'

export type SaveState =
  | { kind: 'new' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number | null; committed?: boolean }
  | { kind: 'offline'; error: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'signed-out'; error: string }
  | { kind: 'conflict' }

/** Where a freshly opened editor stands: resumed mid-edit, a saved note, or a new one. */
export function initialSaveState(slug: string | null, resumed: { fields: EditorFields; saved: EditorFields } | null): SaveState {
  if (resumed) return { kind: sameFields(resumed.fields, resumed.saved) ? 'saved' : 'unsaved', at: null }
  return slug ? { kind: 'saved', at: null } : { kind: 'new' }
}

export const WARNING_STATES: SaveState['kind'][] = ['offline', 'invalid', 'signed-out', 'conflict']

const problemsToFix = (count: number) => (count === 0 ? '' : ` · ${count === 1 ? '1 problem' : `${count} problems`} to fix before publishing`)

/** The save state in the words the author reads beside Save ("Saved 10 s ago"). */
export function describeSaveState(state: SaveState, { draft, dirty, now, problems = 0 }: { draft: boolean; dirty: boolean; now: number; problems?: number }): string {
  switch (state.kind) {
    case 'new':
      return 'Not saved yet'
    case 'unsaved':
      return draft ? 'Unsaved changes' : 'Unsaved changes, kept in this browser: Update to publish them'
    case 'saving':
      return 'Saving…'
    case 'saved':
      if (dirty) return 'Unsaved changes'
      if (state.at === null) return `All changes saved${draft ? problemsToFix(problems) : ''}`
      return `Saved ${savedAgo(state.at, now)}${state.committed ? ' (revision recorded)' : ''}${draft ? problemsToFix(problems) : ''}`
    case 'offline':
      return `Offline — kept locally. ${state.error} Retrying…`
    case 'invalid':
      return `Not saved — kept locally. ${state.error}`
    case 'signed-out':
      return `Not saved — kept locally. ${state.error}`
    case 'conflict':
      return 'Not saved: this note changed elsewhere. Choose which version to keep.'
  }
}
