const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// better-auth user ids: url-safe text.
const TEXT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids in URLs are free text; anything that is not a uuid cannot name a row (and must not reach SQL). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

/** Ids of text-keyed tables (users and the auth tables). */
export const isTextId = (value: string): boolean => TEXT_ID_PATTERN.test(value);
