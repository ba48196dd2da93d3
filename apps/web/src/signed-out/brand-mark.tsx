import { useEffect, useState } from "react";
import { apiURL } from "./auth-request.ts";

export interface BrandingData {
  name: string;
  logoDataUrl: string | null;
  tagline: string;
}

/** `GET /api/branding` with plain fetch (this route loads no zod); `null` when it cannot be had. */
async function fetchBranding(): Promise<BrandingData | null> {
  try {
    const response = await fetch(apiURL("branding"));
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: Partial<BrandingData> };
    const data = body.data;
    if (typeof data?.name !== "string") return null;
    return {
      name: data.name,
      logoDataUrl: typeof data.logoDataUrl === "string" ? data.logoDataUrl : null,
      tagline: typeof data.tagline === "string" ? data.tagline : "",
    };
  } catch {
    return null;
  }
}

/**
 * The consultancy's logo, name and promise from its settings. The page paints at once with the app's
 * own name; the logo's box and the promise's line are reserved, so nothing moves when they arrive.
 */
export function BrandMark({ fallbackName }: { fallbackName: string }) {
  const [branding, setBranding] = useState<BrandingData | null>(null);
  useEffect(() => {
    let live = true;
    void fetchBranding().then((data) => {
      if (data && live) setBranding(data);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span className="flex size-10 shrink-0 items-center justify-center overflow-hidden" aria-hidden="true">
        {branding?.logoDataUrl ? (
          <img src={branding.logoDataUrl} alt="" width={40} height={40} className="size-10 object-contain" />
        ) : null}
      </span>
      <div className="min-w-0">
        <p className="text-lg font-semibold leading-6 text-fg">{branding?.name ?? fallbackName}</p>
        <p className="h-5 truncate text-sm leading-5 text-muted">{branding?.tagline ?? ""}</p>
      </div>
    </div>
  );
}
