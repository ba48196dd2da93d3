import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";

export type ToastTone = "info" | "success" | "error";

export interface ToastOptions {
  title: ReactNode;
  description?: ReactNode;
  tone?: ToastTone;
  /** Milliseconds before it hides itself; errors stay longer by default. */
  duration?: number;
}

export interface ToastItem extends ToastOptions {
  id: number;
  open: boolean;
}

interface ToastContextValue {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

// Radix Toast is only needed once there is something to show.
const ToastViewport = lazy(() =>
  import("./toast-viewport.tsx").then((module) => ({ default: module.ToastViewport })),
);

export interface ToastProviderProps {
  children: ReactNode;
  /** The accessible name of each toast's close button. */
  closeLabel?: string;
  /** The name of the viewport landmark (Radix announces "Notifications (F8)"). */
  label?: string;
}

/** Toasts in a polite live region (Radix); `useToast().toast({ title })` shows one. */
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
    setItems((current) => [...current.filter((item) => item.open).slice(-3), { ...options, id, open: true }]);
  }, []);

  const close = useCallback(
    (id: number) =>
      setItems((current) => current.map((item) => (item.id === id ? { ...item, open: false } : item))),
    [],
  );

  const value = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext value={value}>
      {children}
      {items.length > 0 ? (
        <Suspense fallback={null}>
          <ToastViewport items={items} onClose={close} closeLabel={closeLabel} label={label} />
        </Suspense>
      ) : null}
    </ToastContext>
  );
}

export function useToast(): ToastContextValue {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast must be used inside <ToastProvider>");
  return context;
}
