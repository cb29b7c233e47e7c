// The history reads the note's revisions from git: the admin header stays usable meanwhile.
export { AdminLoading as default } from '@/components/admin/admin-loading'
