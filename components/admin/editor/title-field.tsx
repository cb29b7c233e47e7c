'use client'

type TitleFieldProps = { value: string; error?: string; onChange: (title: string) => void }

/** The note's title, large, first: where writing starts. */
export function TitleField({ value, error, onChange }: TitleFieldProps) {
  return (
    <div>
      <label htmlFor="field-title" className="sr-only">
        Title
      </label>
      {/* A text area that grows with the title, so a long one wraps instead of being cut off; Enter goes on to the body. */}
      <textarea
        id="field-title"
        name="title"
        value={value}
        required
        rows={1}
        placeholder="Title"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-title-error' : undefined}
        onChange={(event) => onChange(event.target.value.replace(/[\r\n]+/g, ' '))}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          document.querySelector<HTMLElement>('#note-body')?.focus()
        }}
        className={`w-full resize-none rounded-md border bg-transparent px-2 py-1 text-2xl font-bold tracking-tight [field-sizing:content] placeholder:text-zinc-500 sm:text-3xl dark:placeholder:text-zinc-400 ${error ? 'border-red-700 dark:border-red-400' : 'border-transparent hover:border-zinc-300 dark:hover:border-zinc-700'}`}
      />
      {error && (
        <p id="field-title-error" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  )
}
