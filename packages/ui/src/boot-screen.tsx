/** The sidebar layout's outline, painted by an app's entry chunk while its root loads. */
export function SidebarBootScreen() {
  return (
    <div aria-busy="true" className="flex min-h-dvh">
      <div className="hidden w-60 border-r border-border bg-card md:block" />
      <div className="flex-1 space-y-4 p-6">
        <div className="h-8 w-64 animate-pulse rounded-md bg-subtle" />
        <div className="h-40 animate-pulse rounded-card bg-subtle" />
      </div>
    </div>
  );
}
