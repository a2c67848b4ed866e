/** The honest placeholder for a page whose issue has not landed yet. */
export function BeingBuilt({ title, what }: { title: string; what: string }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">{title}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">This page is being built: {what}</p>
    </div>
  );
}
