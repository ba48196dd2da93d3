import {
  mergePreferences,
  PROFILE_PICTURE_LIMITS,
  updateProfileSchema,
} from "@referral-app/shared/schemas/user";
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

    // Mirrors the server's rules (type and size); the picture comes back as a data: URL.
    http.put(url("users/:id/profile-picture"), async ({ params, request }) => {
      if (!isOwnUser(store, params.id)) return fail("NOT_FOUND", "User not found");
      const type = request.headers.get("content-type") ?? "";
      if (!(PROFILE_PICTURE_LIMITS.contentTypes as readonly string[]).includes(type)) {
        return fail("UNSUPPORTED_MEDIA_TYPE", "Upload a PNG, JPEG or WebP image", {
          fields: { file: ["Upload a PNG, JPEG or WebP image"] },
        });
      }
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.length > PROFILE_PICTURE_LIMITS.maxBytes) {
        return fail("PAYLOAD_TOO_LARGE", "The picture is larger than 2 MB", {
          fields: { file: ["The picture is larger than 2 MB"] },
        });
      }
      const base64 = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""));
      updateUser(store, { ...store.user, profilePicture: `data:${type};base64,${base64}` });
      return ok(store.user);
    }),

    http.delete(url("users/:id/profile-picture"), ({ params }) => {
      if (!isOwnUser(store, params.id)) return fail("NOT_FOUND", "User not found");
      updateUser(store, { ...store.user, profilePicture: null });
      return ok(store.user);
    }),

    http.get(url("users/:id/visa-progress"), ({ params }) =>
      isOwnUser(store, params.id) ? ok(store.visaProgress) : fail("NOT_FOUND", "User not found"),
    ),
  ];
}
