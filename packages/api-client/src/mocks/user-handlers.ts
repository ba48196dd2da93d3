import { mergePreferences, updateProfileSchema } from "@referral-app/shared/schemas/user";
import { http } from "msw";
import { isOwnUser, type MockStore, updateUser } from "./mock-store.ts";
import { fail, invalid, ok, readJson } from "./respond.ts";

export function userHandlers(store: MockStore, url: (path: string) => string) {
  return [
    http.get(url("users/:id/profile"), ({ params }) =>
      isOwnUser(store, params.id) ? ok(store.user) : fail("NOT_FOUND", "User not found"),
    ),

    http.patch(url("users/:id/profile"), async ({ params, request }) => {
      if (!isOwnUser(store, params.id)) return fail("NOT_FOUND", "User not found");
      const parsed = updateProfileSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const { preferences, ...fields } = parsed.data;
      const current = store.user;
      updateUser(store, {
        ...current,
        name: fields.name ?? current.name,
        phone: fields.phone === undefined ? current.phone : fields.phone,
        country: fields.country === undefined ? current.country : fields.country,
        profilePicture: fields.profilePicture === undefined ? current.profilePicture : fields.profilePicture,
        preferences: preferences ? mergePreferences(current.preferences, preferences) : current.preferences,
      });
      return ok(store.user);
    }),

    http.get(url("users/:id/visa-progress"), ({ params }) =>
      isOwnUser(store, params.id) ? ok(store.visaProgress) : fail("NOT_FOUND", "User not found"),
    ),
  ];
}
