/** Painted by the entry chunk while the app root loads: the page frame, no text to translate yet. */
export function BootScreen() {
  return (
    <div aria-busy="true" className="flex min-h-dvh flex-col">
      <div className="h-14 border-b border-border bg-card" />
      <div className="mx-auto w-full max-w-6xl space-y-4 px-4 py-6">
        <div className="h-8 w-64 animate-pulse rounded-md bg-subtle" />
        <div className="h-40 animate-pulse rounded-card bg-subtle" />
      </div>
    </div>
  );
}

/** When even the app root cannot load (offline, or a deploy replaced the chunks): reload. */
export function BootError() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-xl font-semibold" lang="en">
        The app could not load.
      </h1>
      <p lang="es">No se pudo cargar la aplicación.</p>
      <button
        type="button"
        className="rounded-lg bg-brand px-4 py-2 text-brand-fg"
        onClick={() => window.location.reload()}
      >
        Reload / Recargar
      </button>
    </main>
  );
}
