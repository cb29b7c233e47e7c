'use client'

type FieldInputProps = {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
  type?: 'text' | 'date'
  multiline?: boolean
  required?: boolean
  readOnly?: boolean
  inputMode?: 'numeric'
}

const inputClass =
  'w-full rounded-md border bg-white px-2 py-1.5 text-sm dark:bg-zinc-900 read-only:bg-zinc-100 dark:read-only:bg-zinc-800'

/** A labelled form field with its hint and error tied to it for screen readers. */
export function FieldInput({ label, name, value, onChange, error, hint, type = 'text', multiline, required, readOnly, inputMode }: FieldInputProps) {
  const id = `field-${name}`
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  const shared = {
    id,
    name,
    value,
    required,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: `${inputClass} ${error ? 'border-red-700 dark:border-red-400' : 'border-zinc-400 dark:border-zinc-600'}`,
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea {...shared} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type={type} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  )
}
