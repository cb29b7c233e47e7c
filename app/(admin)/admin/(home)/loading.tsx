// The notes list reads every note file (and git's deleted list) from disk: the admin header stays
// usable meanwhile. Only here and on the history, never above the editor: a loading boundary
// there remounts the editor (taking the author's focus) whenever its preview action answers.
export { AdminLoading as default } from '@/components/admin/admin-loading'
