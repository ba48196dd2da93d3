import * as RadixToast from "@radix-ui/react-toast";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";
import type { ToastItem, ToastTone } from "./toast.tsx";

const toneClasses: Record<ToastTone, string> = {
  info: "border-border",
  success: "border-success/50",
  error: "border-danger/60",
};

export interface ToastViewportProps {
  items: readonly ToastItem[];
  onClose: (id: number) => void;
  closeLabel: string;
  label: string;
  children?: ReactNode;
}

/** The Radix half of the toasts, loaded with the first toast so it stays off the first route. */
export function ToastViewport({ items, onClose, closeLabel, label }: ToastViewportProps) {
  return (
    <RadixToast.Provider label={label}>
      {items.map((item) => (
        <RadixToast.Root
          key={item.id}
          open={item.open}
          onOpenChange={(open) => (open ? undefined : onClose(item.id))}
          duration={item.duration ?? (item.tone === "error" ? 8000 : 4000)}
          type={item.tone === "error" ? "foreground" : "background"}
          className={cn(
            "flex items-start gap-3 rounded-card border bg-card p-4 text-fg shadow-lg",
            toneClasses[item.tone ?? "info"],
          )}
        >
          <div className="flex-1">
            <RadixToast.Title className="text-sm font-semibold">{item.title}</RadixToast.Title>
            {item.description ? (
              <RadixToast.Description className="mt-1 text-sm text-muted">
                {item.description}
              </RadixToast.Description>
            ) : null}
          </div>
          <RadixToast.Close
            aria-label={closeLabel}
            className="rounded-md p-1 text-muted hover:bg-subtle focus-visible:outline-2 focus-visible:outline-ring"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M6.3 5 5 6.3 8.7 10 5 13.7 6.3 15l3.7-3.7 3.7 3.7 1.3-1.3-3.7-3.7L15 6.3 13.7 5 10 8.7z" />
            </svg>
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
    </RadixToast.Provider>
  );
}
