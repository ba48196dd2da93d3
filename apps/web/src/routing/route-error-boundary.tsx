import { Component, type ReactNode } from "react";
import { useLocation } from "react-router";

interface BoundaryProps {
  fallback: (error: unknown) => ReactNode;
  resetKey: string;
  children: ReactNode;
}

interface BoundaryState {
  failure: { error: unknown } | null;
  resetKey: string;
}

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failure: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failure: null, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failure ? this.props.fallback(this.state.failure.error) : this.props.children;
  }
}

/**
 * What fails to load or render below (a missing chunk after a deploy, a render error) shows
 * `fallback`; the next navigation tries the pages again, as a data router's error boundaries do.
 */
export function RouteErrorBoundary({
  fallback,
  children,
}: {
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}) {
  const { key } = useLocation();
  return (
    <ErrorBoundary resetKey={key} fallback={fallback}>
      {children}
    </ErrorBoundary>
  );
}
