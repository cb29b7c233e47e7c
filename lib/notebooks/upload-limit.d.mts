export const MAX_NOTEBOOK_BYTES: number
export const MAX_NOTEBOOK_REQUEST_BYTES: number
