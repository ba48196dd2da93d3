import * as RadixToast from "@radix-ui/react-toast";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { cn } from "./cn.ts";

export type ToastTone = "info" | "success" | "error";

export interface ToastOptions {
  title: ReactNode;
  description?: ReactNode;
  tone?: ToastTone;
  /** Milliseconds before it hides itself; errors stay longer by default. */
  duration?: number;
}

interface ToastItem extends ToastOptions {
  id: number;
  open: boolean;
}

interface ToastContextValue {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

const toneClasses: Record<ToastTone, string> = {
  info: "border-border",
  success: "border-success/50",
  error: "border-danger/60",
};

export interface ToastProviderProps {
  children: ReactNode;
  /** The accessible name of each toast's close button. */
  closeLabel?: string;
  /** The name of the viewport landmark (Radix announces "Notifications (F8)"). */
  label?: string;
}

/** Renders toasts in a polite live region (Radix); `useToast().toast({ title })` shows one. */
export function ToastProvider({
  children,
  closeLabel = "Dismiss",
  label = "Notifications",
}: ToastProviderProps) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const toast = useCallback((options: ToastOptions) => {
    nextId.current += 1;
    const id = nextId.current;
    setItems((current) => [...current.slice(-3), { ...options, id, open: true }]);
  }, []);

  const close = (id: number) =>
    setItems((current) => current.map((item) => (item.id === id ? { ...item, open: false } : item)));

  const value = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext value={value}>
      <RadixToast.Provider label={label}>
        {children}
        {items.map((item) => (
          <RadixToast.Root
            key={item.id}
            open={item.open}
            onOpenChange={(open) => (open ? undefined : close(item.id))}
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
    </ToastContext>
  );
}

export function useToast(): ToastContextValue {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast must be used inside <ToastProvider>");
  return context;
}
