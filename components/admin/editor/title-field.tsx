'use client'

type TitleFieldProps = { value: string; error?: string; onChange: (title: string) => void }

/** The note's title, large, first: where writing starts. */
export function TitleField({ value, error, onChange }: TitleFieldProps) {
  return (
    <div>
      <label htmlFor="field-title" className="sr-only">
        Title
      </label>
      <input
        id="field-title"
        name="title"
        value={value}
        required
        placeholder="Title"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-title-error' : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={`w-full rounded-md border bg-transparent px-2 py-1 text-2xl font-bold tracking-tight placeholder:text-zinc-500 sm:text-3xl dark:placeholder:text-zinc-400 ${error ? 'border-red-700 dark:border-red-400' : 'border-transparent hover:border-zinc-300 dark:hover:border-zinc-700'}`}
      />
      {error && (
        <p id="field-title-error" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  )
}
