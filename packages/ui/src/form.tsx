import {
  createContext,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useContext,
  useId,
} from "react";
import { cn } from "./cn.ts";

export interface FormProps extends FormHTMLAttributes<HTMLFormElement> {
  ref?: Ref<HTMLFormElement>;
}

/** A form that leaves validation to the app (react-hook-form + zod) instead of the browser bubbles. */
export function Form({ className, noValidate = true, ...props }: FormProps) {
  return <form noValidate={noValidate} className={cn("space-y-4", className)} {...props} />;
}

interface FieldContextValue {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

const FieldContext = createContext<FieldContextValue | null>(null);

function useFieldControl(props: { id?: string; "aria-describedby"?: string }) {
  const field = useContext(FieldContext);
  const describedBy = [field?.describedBy, props["aria-describedby"]].filter(Boolean).join(" ") || undefined;
  return {
    id: props.id ?? field?.id,
    "aria-describedby": describedBy,
    "aria-invalid": field?.invalid || undefined,
    "aria-required": field?.required || undefined,
  };
}

export interface FieldProps {
  label: ReactNode;
  /** The error message; sets aria-invalid on the control and links the text with aria-describedby. */
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  id?: string;
  className?: string;
  children: ReactNode;
}

/** A labelled control: `<Field label="Email"><Input {...register("email")} /></Field>`. */
export function Field({ label, error, hint, required = false, id, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <FieldContext value={{ id: controlId, describedBy, invalid: Boolean(error), required }}>
      <div className={cn("flex flex-col gap-1.5", className)}>
        {/* The required mark is CSS content, so the label's text stays exactly the label. */}
        <label
          htmlFor={controlId}
          className={cn(
            "text-sm font-medium text-fg",
            required && "after:ms-0.5 after:text-danger after:content-['*']",
          )}
        >
          {label}
        </label>
        {children}
        {hint ? (
          <p id={hintId} className="text-xs text-muted">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="text-sm font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
    </FieldContext>
  );
}

const controlBase =
  "w-full rounded-lg border border-border bg-card px-3 text-sm text-fg shadow-sm placeholder:text-muted " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring " +
  "aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-60";

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

export function Input({ className, ...props }: InputProps) {
  const control = useFieldControl(props);
  return <input {...props} {...control} className={cn(controlBase, "h-10", className)} />;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  ref?: Ref<HTMLSelectElement>;
}

export function Select({ className, children, ...props }: SelectProps) {
  const control = useFieldControl(props);
  return (
    <select {...props} {...control} className={cn(controlBase, "h-10 pe-8", className)}>
      {children}
    </select>
  );
}

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ className, rows = 3, ...props }: TextareaProps) {
  const control = useFieldControl(props);
  return <textarea rows={rows} {...props} {...control} className={cn(controlBase, "py-2", className)} />;
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Renders as an on/off switch (role="switch") instead of a tick box. */
  variant?: "checkbox" | "switch";
  ref?: Ref<HTMLInputElement>;
}

export function Checkbox({
  label,
  description,
  error,
  variant = "checkbox",
  id,
  className,
  ...props
}: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `check-${generated}`;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const isSwitch = variant === "switch";
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          role={isSwitch ? "switch" : undefined}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined}
          className={cn(
            "mt-0.5 shrink-0 cursor-pointer accent-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
            isSwitch
              ? "relative h-5 w-9 appearance-none rounded-full bg-border transition-colors checked:bg-brand " +
                  "before:absolute before:top-0.5 before:left-0.5 before:size-4 before:rounded-full before:bg-card " +
                  "before:shadow before:transition-transform checked:before:translate-x-4"
              : "size-4 rounded",
          )}
          {...props}
        />
        <label htmlFor={inputId} className="text-sm text-fg">
          {label}
        </label>
      </div>
      {description ? (
        <p id={descriptionId} className="ms-7 text-xs text-muted">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="ms-7 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A message for the whole form (e.g. "already referred"), announced to screen readers. */
export function FormMessage({
  tone = "error",
  children,
}: {
  tone?: "error" | "success" | "info";
  children: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg border px-3 py-2 text-sm",
        tone === "error" && "border-danger/40 bg-danger/10 text-danger",
        tone === "success" && "border-success/40 bg-success/10 text-success",
        tone === "info" && "border-border bg-subtle text-fg",
      )}
    >
      {children}
    </div>
  );
}
