import type { ReactNode } from "react";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** What will happen, in words: who is affected and that it cannot be undone. */
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  closeLabel?: string;
  /** Red confirm button for destructive steps (reject, delete). */
  danger?: boolean;
  busy?: boolean;
  /** Holds the confirm button back until the dialog's own fields are filled (a reason). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
}

/** The second step of a final action: says what happens and asks once more (Esc or Cancel backs out). */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  closeLabel,
  danger = false,
  busy = false,
  confirmDisabled = false,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      closeLabel={closeLabel}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button
            variant={danger ? "danger" : "primary"}
            loading={busy}
            disabled={confirmDisabled}
            onClick={onConfirm}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
