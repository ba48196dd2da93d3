import { isApiError } from "@referral-app/api-client/errors";
import { useProfilePicture } from "@referral-app/api-client/react";
import { PROFILE_PICTURE_LIMITS, type UserProfile } from "@referral-app/shared/schemas/user";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { type ChangeEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";

const ACCEPT = PROFILE_PICTURE_LIMITS.contentTypes.join(",");

/** The refusals people can act on, in words; anything else gets the usual error message. */
type Refusal = "profile.photoTooLarge" | "profile.photoWrongType";
const REFUSALS: Partial<Record<string, Refusal>> = {
  PAYLOAD_TOO_LARGE: "profile.photoTooLarge",
  UNSUPPORTED_MEDIA_TYPE: "profile.photoWrongType",
};

/** The avatar with Upload / Change and Remove: the file goes straight to the server, checked here first. */
export function ProfilePicture({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation();
  const picture = useProfilePicture();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const refuse = (key: Refusal) => {
    setDone(null);
    setProblem(t(key));
  };

  const send = (file: Blob | null) => {
    setProblem(null);
    setDone(null);
    picture.mutate(file, {
      onSuccess: () => setDone(t(file ? "profile.photoUpdated" : "profile.photoRemoved")),
      onError: (error) => {
        const key = isApiError(error) ? REFUSALS[error.code] : undefined;
        if (key) refuse(key);
        else setProblem(apiErrorMessage(error, t));
      },
    });
  };

  // The server's own rules, checked first so a wrong file never travels.
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (!(PROFILE_PICTURE_LIMITS.contentTypes as readonly string[]).includes(file.type)) {
      refuse("profile.photoWrongType");
    } else if (file.size > PROFILE_PICTURE_LIMITS.maxBytes) {
      refuse("profile.photoTooLarge");
    } else {
      send(file);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-4">
      {profile.profilePicture ? (
        <img
          src={profile.profilePicture}
          alt={t("profile.photo")}
          className="size-16 rounded-full border border-border object-cover"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex size-16 items-center justify-center rounded-full bg-brand-soft text-xl font-semibold"
        >
          {profile.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <div className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            aria-label={t("profile.photoUpload")}
            onChange={onPick}
          />
          <Button
            variant="secondary"
            size="sm"
            aria-describedby={hintId}
            loading={picture.isPending && picture.variables !== null}
            onClick={() => input.current?.click()}
          >
            {profile.profilePicture ? t("profile.photoChange") : t("profile.photoUpload")}
          </Button>
          {profile.profilePicture ? (
            <Button
              variant="ghost"
              size="sm"
              loading={picture.isPending && picture.variables === null}
              onClick={() => send(null)}
            >
              {t("profile.photoRemove")}
            </Button>
          ) : null}
        </div>
        <p id={hintId} className="text-xs text-muted">
          {t("profile.photoHint")}
        </p>
        {problem ? <FormMessage>{problem}</FormMessage> : null}
        {done ? <FormMessage tone="success">{done}</FormMessage> : null}
      </div>
    </div>
  );
}
