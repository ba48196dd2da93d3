import type { UpdateProfileData, UserProfile } from "@referral-app/shared/schemas/user";
import { mergePreferences } from "@referral-app/shared/schemas/user";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

export function useProfile(userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.profile.detail(userId),
    queryFn: ({ signal }) => services.users.getProfile(userId, signal),
  });
}

export function useVisaProgress(userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.profile.visaProgress(userId),
    queryFn: ({ signal }) => services.users.getVisaProgress(userId, signal),
  });
}

function applyUpdate(profile: UserProfile, update: UpdateProfileData): UserProfile {
  const { preferences, ...fields } = update;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...profile,
    ...defined,
    preferences: preferences ? mergePreferences(profile.preferences, preferences) : profile.preferences,
  };
}

/** Shows the change at once; rolls back if the server refuses it. */
export function useUpdateProfile(userId = "me") {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const key = queryKeys.profile.detail(userId);
  return useMutation({
    mutationFn: (update: UpdateProfileData) => services.users.updateProfile(userId, update),
    onMutate: async (update) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<UserProfile>(key);
      if (previous) queryClient.setQueryData(key, applyUpdate(previous, update));
      return { previous };
    },
    onError: (_error, _update, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (profile) => {
      queryClient.setQueryData(key, profile);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profile.all }),
  });
}

/** Uploads (a Blob) or removes (null) the profile picture; the profile query gets the answer. */
export function useProfilePicture(userId = "me") {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (picture: Blob | null) =>
      picture
        ? services.users.uploadProfilePicture(userId, picture)
        : services.users.removeProfilePicture(userId),
    onSuccess: (profile) => {
      queryClient.setQueryData(queryKeys.profile.detail(userId), profile);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profile.all }),
  });
}
